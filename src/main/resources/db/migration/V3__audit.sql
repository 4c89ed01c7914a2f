-- Append-only, hash-chained audit trail. hash = SHA-256(prev_hash || canonical row), computed by
-- the application under an advisory lock so that the chain has exactly one successor per row.
create table audit_event (
    seq         bigint       primary key,
    occurred_at timestamptz  not null,
    actor       varchar(64)  not null,
    action      varchar(64)  not null,
    entity_type varchar(40)  not null,
    entity_id   varchar(64)  not null,
    old_value   text,
    new_value   text,
    reason      text,
    prev_hash   varchar(64)     not null,
    hash        varchar(64)     not null unique,
    constraint audit_event_seq_check check (seq > 0)
);

create index audit_event_entity on audit_event (entity_type, entity_id);

create function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op;
end;
$$;

create trigger audit_event_no_update_delete before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_refuse_change();
