-- People and structure, accounts, sessions, login throttling and import drafts.
-- Timestamps are unix seconds (INTEGER); dates are ISO 'YYYY-MM-DD' text.

CREATE TABLE locations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  INTEGER NOT NULL
);

CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    parent_id   INTEGER REFERENCES units(id),
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  INTEGER NOT NULL
);
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE people (
    id                INTEGER PRIMARY KEY,
    employee_number   TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    email             TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL DEFAULT '',
    unit_id           INTEGER REFERENCES units(id),
    leader_id         INTEGER REFERENCES people(id),
    location_id       INTEGER REFERENCES locations(id),
    home_office_days  INTEGER NOT NULL DEFAULT 0,
    active            BOOLEAN NOT NULL DEFAULT TRUE,
    end_date          TEXT,
    is_admin          BOOLEAN NOT NULL DEFAULT FALSE,
    password_hash     TEXT,
    locale            TEXT,
    -- Lowercased name, e-mail and employee number, and a Norwegian sort key: made by the
    -- application so both databases search and sort alike (see domain/text.rs).
    search            TEXT NOT NULL DEFAULT '',
    sort_key          TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX people_leader ON people(leader_id);
CREATE INDEX people_unit ON people(unit_id);
-- The people list pages in this order; with the index a page reads only its own rows.
CREATE INDEX people_sort ON people(sort_key, id);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_person ON sessions(person_id);

CREATE TABLE login_failures (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL,
    at          INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);

CREATE TABLE import_drafts (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    content     BLOB NOT NULL,
    full_export BOOLEAN NOT NULL,
    created_at  INTEGER NOT NULL
);
