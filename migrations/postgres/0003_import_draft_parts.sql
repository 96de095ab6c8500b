-- An uploaded file waits in parts, so that neither the upload nor its confirmation holds the
-- whole file in memory. Drafts live a day at most; any waiting now are dropped.
DELETE FROM import_drafts;
ALTER TABLE import_drafts DROP COLUMN content;

CREATE TABLE import_draft_parts (
    draft_id    BIGINT NOT NULL REFERENCES import_drafts(id) ON DELETE CASCADE,
    seq         BIGINT NOT NULL,
    content     BYTEA NOT NULL,
    PRIMARY KEY (draft_id, seq)
);
