-- The organisation's settings that HR changes: one row.
CREATE TABLE org_settings (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    -- The cadence of a pair whose leader has not chosen one ("1m").
    default_cadence    TEXT NOT NULL,
    -- How many days before a conversation both parties get a reminder; 0 sends none.
    reminder_days      INTEGER NOT NULL,
    -- A pair is *distant* after this many cadences without contact…
    distant_cadences   INTEGER NOT NULL,
    -- …or this many days without meeting in person.
    in_person_days     INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
INSERT INTO org_settings (id, default_cadence, reminder_days, distant_cadences, in_person_days, updated_at)
VALUES (1, '1m', 2, 2, 90, 0);

-- E-mail waiting to be sent, and what was sent. A message is written in the same transaction as
-- what it tells about, so nothing is told that did not happen and nothing that happened is lost.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    -- One message per event and recipient: a second node or a second run queues nothing new.
    event_key        TEXT NOT NULL UNIQUE,
    person_id        INTEGER NOT NULL REFERENCES people(id),
    recipient        TEXT NOT NULL,
    kind             TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    body_html        TEXT NOT NULL,
    -- 'pending' until the SMTP server accepts it, then 'sent'.
    status           TEXT NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  INTEGER NOT NULL,
    -- A sender holds the message until then; a sender that dies lets it go when it passes.
    claimed_until    INTEGER,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    sent_at          INTEGER
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

-- An agenda item may point to a self-assessment result its author shares with the other party.
ALTER TABLE agenda_items ADD COLUMN attempt_id INTEGER REFERENCES attempts(id);
