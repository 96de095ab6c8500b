-- A unit's wave: each person asked answers in a group (their unit, or the nearest unit above it
-- when theirs has fewer people than the threshold), so that no group names fewer than k people.
ALTER TABLE wave_invitees ADD COLUMN group_id INTEGER;

-- The groups of a unit's wave as they stood when it opened: the unit, the group above it, and
-- how many were asked in it (its own people, not those of the groups below).
CREATE TABLE wave_groups (
    wave_id    INTEGER NOT NULL REFERENCES waves(id),
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    parent_id  INTEGER,
    invited    INTEGER NOT NULL,
    PRIMARY KEY (wave_id, unit_id)
);

-- A recurring wave opens the next one itself, every so many weeks; the next one names the wave
-- it follows, once.
ALTER TABLE waves ADD COLUMN repeat_weeks INTEGER;
ALTER TABLE waves ADD COLUMN follows INTEGER REFERENCES waves(id);
CREATE UNIQUE INDEX waves_follows ON waves(follows);
CREATE INDEX waves_unit ON waves(unit_id, closes_on);
