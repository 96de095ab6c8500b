-- A leader's wave over their reporting lines asks everyone below them, each team (a leader's
-- direct reports) a group named by its leader. A wave's group is therefore a unit in a unit's
-- wave and a leader in a leader's, and its id refers to neither table.
ALTER TABLE wave_groups DROP CONSTRAINT wave_groups_unit_id_fkey;
ALTER TABLE wave_groups RENAME COLUMN unit_id TO group_id;
