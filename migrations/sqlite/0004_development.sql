-- Instruments (self-assessments, reflections, exercises, surveys) as their source files. An id
-- and version is written once and never changed: an attempt keeps the exact text it answered.
CREATE TABLE instruments (
    id          TEXT NOT NULL,
    version     INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    audience    TEXT NOT NULL,
    source      TEXT NOT NULL,
    built_in    BOOLEAN NOT NULL,
    added_by    INTEGER REFERENCES people(id),
    added_at    INTEGER NOT NULL,
    PRIMARY KEY (id, version)
);

-- A person's go at an instrument: a draft until submitted. Answers are JSON by item id.
CREATE TABLE attempts (
    id                  INTEGER PRIMARY KEY,
    person_id           INTEGER NOT NULL REFERENCES people(id),
    instrument_id       TEXT NOT NULL,
    instrument_version  INTEGER NOT NULL,
    answers             TEXT NOT NULL,
    step                INTEGER NOT NULL,
    started_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    submitted_at        INTEGER,
    FOREIGN KEY (instrument_id, instrument_version) REFERENCES instruments(id, version)
);
CREATE INDEX attempts_person ON attempts(person_id, instrument_id, submitted_at);
-- At most one draft per person and instrument: starting twice resumes the same draft.
CREATE UNIQUE INDEX attempts_one_draft ON attempts(person_id, instrument_id) WHERE submitted_at IS NULL;

-- A submitted attempt its owner shows their leader. Ends when revoked or when the leader changes.
CREATE TABLE attempt_shares (
    attempt_id  INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
    leader_id   INTEGER NOT NULL REFERENCES people(id),
    shared_at   INTEGER NOT NULL
);
CREATE INDEX attempt_shares_leader ON attempt_shares(leader_id);
