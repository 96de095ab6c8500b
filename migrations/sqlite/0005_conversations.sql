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
-- A pair's conversations by status and time: the lists and the overview read them per pair.
CREATE INDEX conversations_pair ON conversations(employee_id, leader_id, status, starts_at);
CREATE INDEX conversations_leader ON conversations(leader_id, starts_at);

-- The agenda both parties add to before a conversation, in order, each point marked discussed.
CREATE TABLE agenda_items (
    id               INTEGER PRIMARY KEY,
    conversation_id  INTEGER NOT NULL REFERENCES conversations(id),
    author_id        INTEGER NOT NULL REFERENCES people(id),
    text             TEXT NOT NULL,
    position         INTEGER NOT NULL,
    discussed        BOOLEAN NOT NULL,
    created_at       INTEGER NOT NULL
);
CREATE INDEX agenda_items_conversation ON agenda_items(conversation_id, position);

-- The note both parties write. `version` counts saves: a save made on an older version is a
-- conflict, shown with both texts, never written over.
CREATE TABLE shared_notes (
    conversation_id  INTEGER PRIMARY KEY REFERENCES conversations(id),
    text             TEXT NOT NULL,
    version          INTEGER NOT NULL,
    updated_by       INTEGER NOT NULL REFERENCES people(id),
    updated_at       INTEGER NOT NULL
);

-- A note only its author ever reads.
CREATE TABLE private_notes (
    conversation_id  INTEGER NOT NULL REFERENCES conversations(id),
    author_id        INTEGER NOT NULL REFERENCES people(id),
    text             TEXT NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, author_id)
);

-- What a pair agreed to do. An open action follows the pair into every conversation until done.
CREATE TABLE actions (
    id               INTEGER PRIMARY KEY,
    leader_id        INTEGER NOT NULL REFERENCES people(id),
    employee_id      INTEGER NOT NULL REFERENCES people(id),
    conversation_id  INTEGER NOT NULL REFERENCES conversations(id),
    owner_id         INTEGER NOT NULL REFERENCES people(id),
    text             TEXT NOT NULL,
    due_date         TEXT,
    done_at          INTEGER,
    created_at       INTEGER NOT NULL
);
CREATE INDEX actions_pair ON actions(employee_id, leader_id, done_at);
CREATE INDEX actions_owner ON actions(owner_id, done_at);

-- A light log of contact between a leader and an employee, added by either of them. Nothing is
-- collected automatically.
CREATE TABLE touchpoints (
    id           INTEGER PRIMARY KEY,
    leader_id    INTEGER NOT NULL REFERENCES people(id),
    employee_id  INTEGER NOT NULL REFERENCES people(id),
    author_id    INTEGER NOT NULL REFERENCES people(id),
    kind         TEXT NOT NULL,
    channel      TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX touchpoints_pair ON touchpoints(employee_id, leader_id, on_date);

-- A person's calendar subscription: the hash of the secret in its address. Renewing replaces
-- it; revoking deletes it, and the old address answers 404.
CREATE TABLE calendar_feeds (
    person_id   INTEGER PRIMARY KEY REFERENCES people(id),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
);
