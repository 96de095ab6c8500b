-- A leader's wave over their reporting lines asks everyone below them, each team (a leader's
-- direct reports) a group named by its leader. A wave's group is therefore a unit in a unit's
-- wave and a leader in a leader's, and its id refers to neither table.
CREATE TABLE wave_groups_new (
    wave_id    INTEGER NOT NULL REFERENCES waves(id),
    group_id   INTEGER NOT NULL,
    parent_id  INTEGER,
    invited    INTEGER NOT NULL,
    PRIMARY KEY (wave_id, group_id)
);
INSERT INTO wave_groups_new (wave_id, group_id, parent_id, invited) SELECT wave_id, unit_id, parent_id, invited FROM wave_groups;
DROP TABLE wave_groups;
ALTER TABLE wave_groups_new RENAME TO wave_groups;
