-- A sign-in at the organisation's identity provider that has started and not yet come back: its
-- state (hashed), the browser it belongs to (a hashed cookie), and what the callback needs. A
-- row is taken once, by the callback that deletes it.
CREATE TABLE provider_sign_ins (
    state_hash     TEXT PRIMARY KEY,
    browser_hash   TEXT NOT NULL,
    nonce          TEXT NOT NULL,
    pkce_verifier  TEXT NOT NULL,
    next           TEXT NOT NULL,
    expires_at     INTEGER NOT NULL
);

-- Sessions started at the provider end there too when the person signs out.
ALTER TABLE sessions ADD COLUMN via_provider BOOLEAN NOT NULL DEFAULT FALSE;
