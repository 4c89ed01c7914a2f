-- Audit rows are hashed from RFC 8785 canonical JSON from now on (version 2). Rows written before
-- keep version 1 (length-prefixed fields) so that the existing chain still verifies. Adding a
-- column with a constant default rewrites no row, so the append-only triggers are not involved.
alter table audit_event add column hash_version smallint not null default 1;
alter table audit_event add constraint audit_event_hash_version_check check (hash_version in (1, 2));
-- New rows state their version; the default only served the rows already there.
alter table audit_event alter column hash_version drop default;
