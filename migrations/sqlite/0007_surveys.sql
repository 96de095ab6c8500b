-- The fewest answers a survey group's results show with (k); a wave keeps the value it opened with.
ALTER TABLE org_settings ADD COLUMN anonymity_threshold INTEGER NOT NULL DEFAULT 5;

-- A survey wave: one survey instrument asked of a group of people for a time.
CREATE TABLE waves (
    id                  INTEGER PRIMARY KEY,
    instrument_id       TEXT NOT NULL,
    instrument_version  INTEGER NOT NULL,
    -- A leader's team wave: their direct reports are asked, and the leader reads the results.
    leader_id           INTEGER REFERENCES people(id),
    -- A unit's wave (with or without its sub-units), opened by HR.
    unit_id             INTEGER REFERENCES units(id),
    sub_units           BOOLEAN NOT NULL,
    opened_by           INTEGER NOT NULL REFERENCES people(id),
    -- Oslo dates: answers are taken from the first day through the last.
    opens_on            TEXT NOT NULL,
    closes_on           TEXT NOT NULL,
    -- Locked when the wave opens.
    threshold           INTEGER NOT NULL,
    invited             INTEGER NOT NULL,
    -- Set when the wave is closed early by the one who opened it.
    closed_at           INTEGER,
    created_at          INTEGER NOT NULL
);
CREATE INDEX waves_leader ON waves(leader_id, closes_on);

-- Who is asked. Being asked is no secret; whether and what one answered is.
CREATE TABLE wave_invitees (
    wave_id    INTEGER NOT NULL REFERENCES waves(id),
    person_id  INTEGER NOT NULL REFERENCES people(id),
    PRIMARY KEY (wave_id, person_id)
);
CREATE INDEX wave_invitees_person ON wave_invitees(person_id);

-- Who has answered, only as a keyed hash of wave and person under a secret kept outside the
-- database: it stops a second answer and aims reminders, and names nobody to whoever reads it.
CREATE TABLE wave_participation (
    wave_id     INTEGER NOT NULL REFERENCES waves(id),
    person_key  TEXT NOT NULL,
    PRIMARY KEY (wave_id, person_key)
) WITHOUT ROWID;

-- Without rowid, rows lie in the order of their random ids, not the order they were written.
-- Answers: a random id, the wave, the group the answer counts in (for a unit's wave), and the
-- answers; no person, no time. Each new answer rewrites its wave's answers in a random order,
-- so that no row is the newest.
CREATE TABLE survey_answers (
    id        TEXT PRIMARY KEY,
    wave_id   INTEGER NOT NULL REFERENCES waves(id),
    group_id  INTEGER,
    answers   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX survey_answers_wave ON survey_answers(wave_id);

-- The leader's reply to a comment, shown to the team beside it. A comment is named by its
-- answer's id, which stays the same once the wave has closed.
CREATE TABLE comment_replies (
    wave_id     INTEGER NOT NULL REFERENCES waves(id),
    answer_id   TEXT NOT NULL,
    text        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (wave_id, answer_id)
);

-- What the leader and the team agree to do after a wave; the team sees it, and the next wave's
-- results show it again.
CREATE TABLE wave_actions (
    id          INTEGER PRIMARY KEY,
    wave_id     INTEGER NOT NULL REFERENCES waves(id),
    text        TEXT NOT NULL,
    owner       TEXT NOT NULL,
    due_date    TEXT,
    done_at     INTEGER,
    created_at  INTEGER NOT NULL
);
CREATE INDEX wave_actions_wave ON wave_actions(wave_id, id);
