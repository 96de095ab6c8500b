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

-- Raised once per transaction, as it commits: the row's lock is then held only while the
-- transaction commits, not from its first change on (writers that take no common lock, such as
-- saving a step of one's own draft, would otherwise queue on it for their whole transaction).
-- At commit the first of a transaction's changes to a part raises its counter (a setting local
-- to the transaction remembers it); the rest find it raised. A statement that changed no row
-- (the outbox polled with nothing due) raises nothing.
CREATE FUNCTION raise_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    part text := TG_ARGV[0];
BEGIN
    IF current_setting('samspill.raised_' || part, true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('samspill.raised_' || part, 'yes', true);
        UPDATE data_version SET
            content = content + (part = 'content')::int,
            development = development + (part = 'development')::int,
            outbox = outbox + (part = 'outbox')::int,
            participation = participation + (part = 'participation')::int;
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER actions_version AFTER INSERT OR UPDATE OR DELETE ON actions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER agenda_items_version AFTER INSERT OR UPDATE OR DELETE ON agenda_items DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER cadences_version AFTER INSERT OR UPDATE OR DELETE ON cadences DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER calendar_feeds_version AFTER INSERT OR UPDATE OR DELETE ON calendar_feeds DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER comment_replies_version AFTER INSERT OR UPDATE OR DELETE ON comment_replies DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER conversations_version AFTER INSERT OR UPDATE OR DELETE ON conversations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER instruments_version AFTER INSERT OR UPDATE OR DELETE ON instruments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER locations_version AFTER INSERT OR UPDATE OR DELETE ON locations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER org_settings_version AFTER INSERT OR UPDATE OR DELETE ON org_settings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER pair_summaries_version AFTER INSERT OR UPDATE OR DELETE ON pair_summaries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER people_version AFTER INSERT OR UPDATE OR DELETE ON people DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER private_notes_version AFTER INSERT OR UPDATE OR DELETE ON private_notes DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER shared_notes_version AFTER INSERT OR UPDATE OR DELETE ON shared_notes DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER units_version AFTER INSERT OR UPDATE OR DELETE ON units DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER touchpoints_version AFTER INSERT OR UPDATE OR DELETE ON touchpoints DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER wave_actions_version AFTER INSERT OR UPDATE OR DELETE ON wave_actions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER wave_groups_version AFTER INSERT OR UPDATE OR DELETE ON wave_groups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER wave_invitees_version AFTER INSERT OR UPDATE OR DELETE ON wave_invitees DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');
CREATE CONSTRAINT TRIGGER waves_version AFTER INSERT OR UPDATE OR DELETE ON waves DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('content');

CREATE CONSTRAINT TRIGGER attempt_shares_version AFTER INSERT OR UPDATE OR DELETE ON attempt_shares DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('development');
CREATE CONSTRAINT TRIGGER attempts_version AFTER INSERT OR UPDATE OR DELETE ON attempts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('development');

CREATE CONSTRAINT TRIGGER outbox_version AFTER INSERT OR UPDATE OR DELETE ON outbox DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('outbox');

CREATE CONSTRAINT TRIGGER answer_chunks_version AFTER INSERT OR UPDATE OR DELETE ON answer_chunks DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('participation');
CREATE CONSTRAINT TRIGGER survey_answers_version AFTER INSERT OR UPDATE OR DELETE ON survey_answers DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('participation');
CREATE CONSTRAINT TRIGGER wave_participation_version AFTER INSERT OR UPDATE OR DELETE ON wave_participation DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_data_version('participation');
