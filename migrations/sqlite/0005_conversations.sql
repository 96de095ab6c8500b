-- How often a leader and an employee hold a follow-up conversation ("2w", "1m"); a pair without
-- a row follows the default, monthly. A row belongs to the pair: a new leader starts afresh.
CREATE TABLE cadences (
    employee_id  INTEGER PRIMARY KEY REFERENCES people(id),
    leader_id    INTEGER NOT NULL REFERENCES people(id),
    cadence      TEXT NOT NULL,
    set_at       INTEGER NOT NULL
);

-- Follow-up conversations between a leader and one of their employees. The pair is kept as it
-- was: a conversation stays with the leader who held it.
CREATE TABLE conversations (
    id           INTEGER PRIMARY KEY,
    leader_id    INTEGER NOT NULL REFERENCES people(id),
    employee_id  INTEGER NOT NULL REFERENCES people(id),
    template     TEXT NOT NULL,
    starts_at    INTEGER NOT NULL,
    minutes      INTEGER NOT NULL,
    channel      TEXT NOT NULL,
    place        TEXT NOT NULL,
    status       TEXT NOT NULL,
    proposed_by  INTEGER NOT NULL REFERENCES people(id),
    -- Counts changes, for calendar entries that update in place.
    sequence     INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX conversations_employee ON conversations(employee_id, starts_at);
CREATE INDEX conversations_leader ON conversations(leader_id, starts_at);
