-- The audit trail page and export filter by time, person, subject and event type, newest first,
-- 50 rows a page; each filter has an index that also gives the order (seq), so that a page at
-- a million rows reads 50 index entries, not the table.
create index audit_event_occurred_at on audit_event (occurred_at, seq);
-- (actor itself included, so that counting a person's events reads the index alone)
create index audit_event_actor on audit_event (lower(actor), seq) include (actor);
create index audit_event_action on audit_event (action, seq);
create index audit_event_entity_seq on audit_event (entity_type, entity_id, seq);
drop index audit_event_entity;
