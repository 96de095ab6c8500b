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

-- SQLite has row-level triggers only.

CREATE TRIGGER actions_insert_version AFTER INSERT ON actions BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER actions_update_version AFTER UPDATE ON actions BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER actions_delete_version AFTER DELETE ON actions BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER agenda_items_insert_version AFTER INSERT ON agenda_items BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER agenda_items_update_version AFTER UPDATE ON agenda_items BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER agenda_items_delete_version AFTER DELETE ON agenda_items BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER cadences_insert_version AFTER INSERT ON cadences BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER cadences_update_version AFTER UPDATE ON cadences BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER cadences_delete_version AFTER DELETE ON cadences BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER calendar_feeds_insert_version AFTER INSERT ON calendar_feeds BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER calendar_feeds_update_version AFTER UPDATE ON calendar_feeds BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER calendar_feeds_delete_version AFTER DELETE ON calendar_feeds BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER comment_replies_insert_version AFTER INSERT ON comment_replies BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER comment_replies_update_version AFTER UPDATE ON comment_replies BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER comment_replies_delete_version AFTER DELETE ON comment_replies BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER conversations_insert_version AFTER INSERT ON conversations BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER conversations_update_version AFTER UPDATE ON conversations BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER conversations_delete_version AFTER DELETE ON conversations BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER instruments_insert_version AFTER INSERT ON instruments BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER instruments_update_version AFTER UPDATE ON instruments BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER instruments_delete_version AFTER DELETE ON instruments BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER locations_insert_version AFTER INSERT ON locations BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER locations_update_version AFTER UPDATE ON locations BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER locations_delete_version AFTER DELETE ON locations BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER org_settings_insert_version AFTER INSERT ON org_settings BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER org_settings_update_version AFTER UPDATE ON org_settings BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER org_settings_delete_version AFTER DELETE ON org_settings BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER pair_summaries_insert_version AFTER INSERT ON pair_summaries BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER pair_summaries_update_version AFTER UPDATE ON pair_summaries BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER pair_summaries_delete_version AFTER DELETE ON pair_summaries BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER people_insert_version AFTER INSERT ON people BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER people_update_version AFTER UPDATE ON people BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER people_delete_version AFTER DELETE ON people BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER private_notes_insert_version AFTER INSERT ON private_notes BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER private_notes_update_version AFTER UPDATE ON private_notes BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER private_notes_delete_version AFTER DELETE ON private_notes BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER shared_notes_insert_version AFTER INSERT ON shared_notes BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER shared_notes_update_version AFTER UPDATE ON shared_notes BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER shared_notes_delete_version AFTER DELETE ON shared_notes BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER units_insert_version AFTER INSERT ON units BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER units_update_version AFTER UPDATE ON units BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER units_delete_version AFTER DELETE ON units BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER touchpoints_insert_version AFTER INSERT ON touchpoints BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER touchpoints_update_version AFTER UPDATE ON touchpoints BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER touchpoints_delete_version AFTER DELETE ON touchpoints BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER wave_actions_insert_version AFTER INSERT ON wave_actions BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER wave_actions_update_version AFTER UPDATE ON wave_actions BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER wave_actions_delete_version AFTER DELETE ON wave_actions BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER wave_groups_insert_version AFTER INSERT ON wave_groups BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER wave_groups_update_version AFTER UPDATE ON wave_groups BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER wave_groups_delete_version AFTER DELETE ON wave_groups BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER wave_invitees_insert_version AFTER INSERT ON wave_invitees BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER wave_invitees_update_version AFTER UPDATE ON wave_invitees BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER wave_invitees_delete_version AFTER DELETE ON wave_invitees BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER waves_insert_version AFTER INSERT ON waves BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER waves_update_version AFTER UPDATE ON waves BEGIN UPDATE data_version SET content = content + 1; END;
CREATE TRIGGER waves_delete_version AFTER DELETE ON waves BEGIN UPDATE data_version SET content = content + 1; END;

CREATE TRIGGER attempt_shares_insert_version AFTER INSERT ON attempt_shares BEGIN UPDATE data_version SET development = development + 1; END;
CREATE TRIGGER attempt_shares_update_version AFTER UPDATE ON attempt_shares BEGIN UPDATE data_version SET development = development + 1; END;
CREATE TRIGGER attempt_shares_delete_version AFTER DELETE ON attempt_shares BEGIN UPDATE data_version SET development = development + 1; END;
CREATE TRIGGER attempts_insert_version AFTER INSERT ON attempts BEGIN UPDATE data_version SET development = development + 1; END;
CREATE TRIGGER attempts_update_version AFTER UPDATE ON attempts BEGIN UPDATE data_version SET development = development + 1; END;
CREATE TRIGGER attempts_delete_version AFTER DELETE ON attempts BEGIN UPDATE data_version SET development = development + 1; END;

CREATE TRIGGER outbox_insert_version AFTER INSERT ON outbox BEGIN UPDATE data_version SET outbox = outbox + 1; END;
CREATE TRIGGER outbox_update_version AFTER UPDATE ON outbox BEGIN UPDATE data_version SET outbox = outbox + 1; END;
CREATE TRIGGER outbox_delete_version AFTER DELETE ON outbox BEGIN UPDATE data_version SET outbox = outbox + 1; END;

CREATE TRIGGER answer_chunks_insert_version AFTER INSERT ON answer_chunks BEGIN UPDATE data_version SET participation = participation + 1; END;
CREATE TRIGGER answer_chunks_update_version AFTER UPDATE ON answer_chunks BEGIN UPDATE data_version SET participation = participation + 1; END;
CREATE TRIGGER answer_chunks_delete_version AFTER DELETE ON answer_chunks BEGIN UPDATE data_version SET participation = participation + 1; END;
CREATE TRIGGER survey_answers_insert_version AFTER INSERT ON survey_answers BEGIN UPDATE data_version SET participation = participation + 1; END;
CREATE TRIGGER survey_answers_update_version AFTER UPDATE ON survey_answers BEGIN UPDATE data_version SET participation = participation + 1; END;
CREATE TRIGGER survey_answers_delete_version AFTER DELETE ON survey_answers BEGIN UPDATE data_version SET participation = participation + 1; END;
CREATE TRIGGER wave_participation_insert_version AFTER INSERT ON wave_participation BEGIN UPDATE data_version SET participation = participation + 1; END;
CREATE TRIGGER wave_participation_update_version AFTER UPDATE ON wave_participation BEGIN UPDATE data_version SET participation = participation + 1; END;
CREATE TRIGGER wave_participation_delete_version AFTER DELETE ON wave_participation BEGIN UPDATE data_version SET participation = participation + 1; END;
