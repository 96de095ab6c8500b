-- Secrets the application derives tokens from (the CSRF key), kept in the database so that
-- every app process signs and checks alike.
CREATE TABLE server_keys (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

-- Who sits at a site (the site page counts them; import plans by them).
CREATE INDEX people_location ON people(location_id);
