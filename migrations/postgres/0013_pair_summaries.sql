-- What the leader's lists show of each pair (Mitt team, Min side, Samtaler): the last held
-- conversation, the next open one, the last contact and the open actions. The store writes a
-- pair's row again in the same transaction as every write to its conversations, touchpoints and
-- actions (`store::conversations::refresh_pair`), so a leader's list is one join on this table
-- instead of seven lookups per report.
CREATE TABLE pair_summaries (
    leader_id            BIGINT NOT NULL REFERENCES people(id),
    employee_id          BIGINT NOT NULL REFERENCES people(id),
    last_held            BIGINT,
    last_held_in_person  BIGINT,
    next_id              BIGINT REFERENCES conversations(id),
    next_at              BIGINT,
    next_status          TEXT,
    last_touch           TEXT,
    last_touch_in_person TEXT,
    open_actions         BIGINT NOT NULL,
    PRIMARY KEY (leader_id, employee_id)
);

INSERT INTO pair_summaries (leader_id, employee_id, last_held, last_held_in_person, next_id, next_at, next_status,
                            last_touch, last_touch_in_person, open_actions)
SELECT k.leader_id, k.employee_id,
    (SELECT MAX(v.starts_at) FROM conversations v
      WHERE v.employee_id = k.employee_id AND v.leader_id = k.leader_id AND v.status = 'held'),
    (SELECT MAX(v.starts_at) FROM conversations v
      WHERE v.employee_id = k.employee_id AND v.leader_id = k.leader_id AND v.status = 'held' AND v.channel = 'in-person'),
    n.id, n.starts_at, n.status,
    (SELECT MAX(t.on_date) FROM touchpoints t WHERE t.employee_id = k.employee_id AND t.leader_id = k.leader_id),
    (SELECT MAX(t.on_date) FROM touchpoints t
      WHERE t.employee_id = k.employee_id AND t.leader_id = k.leader_id AND t.channel = 'in-person'),
    (SELECT COUNT(*) FROM actions a WHERE a.employee_id = k.employee_id AND a.leader_id = k.leader_id AND a.done_at IS NULL)
FROM (SELECT leader_id, employee_id FROM conversations
      UNION SELECT leader_id, employee_id FROM touchpoints
      UNION SELECT leader_id, employee_id FROM actions) k
LEFT JOIN conversations n ON n.id = (SELECT v.id FROM conversations v
    WHERE v.employee_id = k.employee_id AND v.leader_id = k.leader_id AND v.status IN ('proposed', 'planned')
    ORDER BY v.starts_at, v.id LIMIT 1);
