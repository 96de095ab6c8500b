-- The data version: counters that every committed change to what pages show raises, in the
-- same transaction, by the triggers below. Every request reads them with its session (one row,
-- in the session's own statement), and each node keeps what its pages read under the counters it
-- was read at (`store::cache`): a page whose counters have not moved since is served from there,
-- on every node alike, and the first request after any change anywhere reads afresh.
--
-- `content` follows everything pages read but three parts that change often and that few pages
-- read, each with a counter of its own: `development` (self-assessments and exercises, saved at
-- each step), `outbox` (e-mail, written as it is sent) and `participation` (who has answered a
-- survey, and the answers). Sessions, sign-in failures and providers' sign-ins, the server's
-- keys and import drafts change no page that is kept and raise none (`tests/store.rs` checks
-- that every table is one or the other).
CREATE TABLE data_version (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    content       BIGINT NOT NULL,
    development   BIGINT NOT NULL,
    outbox        BIGINT NOT NULL,
    participation BIGINT NOT NULL
);
INSERT INTO data_version (id, content, development, outbox, participation) VALUES (1, 0, 0, 0, 0);

-- Statement-level, so an import of many rows raises a counter once; a statement that changed no
-- row (the outbox polled with nothing due) leaves it as it is.
CREATE FUNCTION raise_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed) THEN
        UPDATE data_version SET content = content + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION raise_development_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed) THEN
        UPDATE data_version SET development = development + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION raise_outbox_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed) THEN
        UPDATE data_version SET outbox = outbox + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION raise_participation_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed) THEN
        UPDATE data_version SET participation = participation + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER actions_insert_version AFTER INSERT ON actions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER actions_update_version AFTER UPDATE ON actions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER actions_delete_version AFTER DELETE ON actions REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER agenda_items_insert_version AFTER INSERT ON agenda_items REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER agenda_items_update_version AFTER UPDATE ON agenda_items REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER agenda_items_delete_version AFTER DELETE ON agenda_items REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER cadences_insert_version AFTER INSERT ON cadences REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER cadences_update_version AFTER UPDATE ON cadences REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER cadences_delete_version AFTER DELETE ON cadences REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER calendar_feeds_insert_version AFTER INSERT ON calendar_feeds REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER calendar_feeds_update_version AFTER UPDATE ON calendar_feeds REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER calendar_feeds_delete_version AFTER DELETE ON calendar_feeds REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER comment_replies_insert_version AFTER INSERT ON comment_replies REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER comment_replies_update_version AFTER UPDATE ON comment_replies REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER comment_replies_delete_version AFTER DELETE ON comment_replies REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER conversations_insert_version AFTER INSERT ON conversations REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER conversations_update_version AFTER UPDATE ON conversations REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER conversations_delete_version AFTER DELETE ON conversations REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER instruments_insert_version AFTER INSERT ON instruments REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER instruments_update_version AFTER UPDATE ON instruments REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER instruments_delete_version AFTER DELETE ON instruments REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER locations_insert_version AFTER INSERT ON locations REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER locations_update_version AFTER UPDATE ON locations REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER locations_delete_version AFTER DELETE ON locations REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER org_settings_insert_version AFTER INSERT ON org_settings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER org_settings_update_version AFTER UPDATE ON org_settings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER org_settings_delete_version AFTER DELETE ON org_settings REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER pair_summaries_insert_version AFTER INSERT ON pair_summaries REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER pair_summaries_update_version AFTER UPDATE ON pair_summaries REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER pair_summaries_delete_version AFTER DELETE ON pair_summaries REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER people_insert_version AFTER INSERT ON people REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER people_update_version AFTER UPDATE ON people REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER people_delete_version AFTER DELETE ON people REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER private_notes_insert_version AFTER INSERT ON private_notes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER private_notes_update_version AFTER UPDATE ON private_notes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER private_notes_delete_version AFTER DELETE ON private_notes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER shared_notes_insert_version AFTER INSERT ON shared_notes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER shared_notes_update_version AFTER UPDATE ON shared_notes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER shared_notes_delete_version AFTER DELETE ON shared_notes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER units_insert_version AFTER INSERT ON units REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER units_update_version AFTER UPDATE ON units REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER units_delete_version AFTER DELETE ON units REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER touchpoints_insert_version AFTER INSERT ON touchpoints REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER touchpoints_update_version AFTER UPDATE ON touchpoints REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER touchpoints_delete_version AFTER DELETE ON touchpoints REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER wave_actions_insert_version AFTER INSERT ON wave_actions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER wave_actions_update_version AFTER UPDATE ON wave_actions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER wave_actions_delete_version AFTER DELETE ON wave_actions REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER wave_groups_insert_version AFTER INSERT ON wave_groups REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER wave_groups_update_version AFTER UPDATE ON wave_groups REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER wave_groups_delete_version AFTER DELETE ON wave_groups REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER wave_invitees_insert_version AFTER INSERT ON wave_invitees REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER wave_invitees_update_version AFTER UPDATE ON wave_invitees REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER wave_invitees_delete_version AFTER DELETE ON wave_invitees REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER waves_insert_version AFTER INSERT ON waves REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER waves_update_version AFTER UPDATE ON waves REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();
CREATE TRIGGER waves_delete_version AFTER DELETE ON waves REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version();

CREATE TRIGGER attempt_shares_insert_version AFTER INSERT ON attempt_shares REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_development_version();
CREATE TRIGGER attempt_shares_update_version AFTER UPDATE ON attempt_shares REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_development_version();
CREATE TRIGGER attempt_shares_delete_version AFTER DELETE ON attempt_shares REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_development_version();
CREATE TRIGGER attempts_insert_version AFTER INSERT ON attempts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_development_version();
CREATE TRIGGER attempts_update_version AFTER UPDATE ON attempts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_development_version();
CREATE TRIGGER attempts_delete_version AFTER DELETE ON attempts REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_development_version();

CREATE TRIGGER outbox_insert_version AFTER INSERT ON outbox REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_outbox_version();
CREATE TRIGGER outbox_update_version AFTER UPDATE ON outbox REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_outbox_version();
CREATE TRIGGER outbox_delete_version AFTER DELETE ON outbox REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_outbox_version();

CREATE TRIGGER answer_chunks_insert_version AFTER INSERT ON answer_chunks REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_participation_version();
CREATE TRIGGER answer_chunks_update_version AFTER UPDATE ON answer_chunks REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_participation_version();
CREATE TRIGGER answer_chunks_delete_version AFTER DELETE ON answer_chunks REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_participation_version();
CREATE TRIGGER survey_answers_insert_version AFTER INSERT ON survey_answers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_participation_version();
CREATE TRIGGER survey_answers_update_version AFTER UPDATE ON survey_answers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_participation_version();
CREATE TRIGGER survey_answers_delete_version AFTER DELETE ON survey_answers REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_participation_version();
CREATE TRIGGER wave_participation_insert_version AFTER INSERT ON wave_participation REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_participation_version();
CREATE TRIGGER wave_participation_update_version AFTER UPDATE ON wave_participation REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_participation_version();
CREATE TRIGGER wave_participation_delete_version AFTER DELETE ON wave_participation REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION raise_participation_version();
