-- HR's outbox page lists the oldest waiting messages and counts what waits and what was sent.
-- A message's status is stored after its bodies, so reading it from the table reads every
-- body: with a survey's invitations queued for a unit of thousands the page took seconds. These
-- indexes answer the page without the table: the waiting in the order they came, with their kind.
CREATE INDEX outbox_waiting ON outbox(status, id, kind);
CREATE INDEX outbox_sent ON outbox(sent_at) WHERE status = 'sent';
-- Active members of a unit, reports of a leader (every request asks whether the signed-in
-- person leads anyone) and people at a location are counted from the index instead of each
-- person's row; HR's overview counts the active people the same way.
DROP INDEX people_unit;
CREATE INDEX people_unit ON people(unit_id, active);
DROP INDEX people_leader;
CREATE INDEX people_leader ON people(leader_id, active);
DROP INDEX people_location;
CREATE INDEX people_location ON people(location_id, active);
CREATE INDEX people_active ON people(active);
