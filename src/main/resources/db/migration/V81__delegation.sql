-- Delegation of signing authority: a PM hands their track's signing to another holder of the
-- same role for a dated period. Never deleted: revoked (kept) or simply over at valid_until,
-- which every use checks, so no job has to run for it to stop.
create extension if not exists btree_gist;

create table delegation (
    id                 bigint generated always as identity primary key,
    delegator_id       bigint        not null references app_user (id) on delete restrict,
    delegate_id        bigint        not null references app_user (id) on delete restrict,
    track              varchar(12)   not null,
    valid_from         timestamptz   not null,
    valid_until        timestamptz   not null,
    reason             varchar(500)  not null,
    created_by         bigint        not null references app_user (id) on delete restrict,
    created_at         timestamptz   not null,
    revoked_at         timestamptz,
    revoked_by         bigint        references app_user (id) on delete restrict,
    expiry_recorded_at timestamptz,
    version            bigint        not null default 0,
    constraint delegation_track_check check (track in ('TECHNICAL', 'COMMERCIAL')),
    constraint delegation_not_self check (delegator_id <> delegate_id),
    constraint delegation_period_check check (valid_until > valid_from),
    constraint delegation_at_most_90_days check (valid_until <= valid_from + interval '90 days'),
    constraint delegation_revocation_check check ((revoked_at is null) = (revoked_by is null)),
    -- Two delegations of one person's track never run at the same time (a revoked one ends
    -- at its revocation).
    constraint delegation_no_overlap exclude using gist (
        delegator_id with =, track with =,
        tstzrange(valid_from, greatest(valid_from, least(valid_until, coalesce(revoked_at, valid_until)))) with &&)
);

create index delegation_delegate on delegation (delegate_id, valid_until);

create function delegation_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'delegations are revoked, never deleted (delegation %)', old.id;
    end if;
    if new.delegator_id <> old.delegator_id or new.delegate_id <> old.delegate_id or new.track <> old.track
        or new.valid_from <> old.valid_from or new.valid_until <> old.valid_until or new.reason <> old.reason
        or new.created_by <> old.created_by or new.created_at <> old.created_at
        or (old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at) then
        raise exception 'a delegation cannot be edited; it can only be revoked (delegation %)', old.id;
    end if;
    return new;
end;
$$;

create trigger delegation_guard before update or delete on delegation
    for each row execute function delegation_guard();
