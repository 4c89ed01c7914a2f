-- Learning loop, part 1: shared OKRs with separate assessment. An objective per prototype and
-- quarter; its key results are bound to a metric, each owned by one track; each PM's check-ins
-- (confidence 0-10, note, date) are history, never changed.
create table okr (
    id            bigint generated always as identity primary key,
    prototype_id  bigint        not null references prototype (id) on delete restrict,
    period        varchar(7)    not null,
    objective     varchar(300)  not null,
    created_by    bigint        not null references app_user (id) on delete restrict,
    created_at    timestamptz   not null,
    constraint okr_period_check check (period ~ '^[0-9]{4}-Q[1-4]$'),
    constraint okr_objective_check check (length(btrim(objective)) > 0)
);

create index okr_prototype on okr (prototype_id, period);

create table okr_key_result (
    id           bigint generated always as identity primary key,
    okr_id       bigint         not null references okr (id) on delete restrict,
    position     integer        not null,
    metric_key   varchar(64)    not null references metric_definition (key) on delete restrict,
    baseline     numeric(19, 6) not null,
    target       numeric(19, 6) not null,
    stretch      numeric(19, 6),
    unit         varchar(32)    not null,
    deadline     date           not null,
    owner_track  varchar(12)    not null,
    constraint okr_key_result_position unique (okr_id, position),
    constraint okr_key_result_track_check check (owner_track in ('TECHNICAL', 'COMMERCIAL')),
    constraint okr_key_result_target_check check (target <> baseline),
    -- a stretch lies beyond the target, in the direction from the baseline to the target
    constraint okr_key_result_stretch_check check (stretch is null
        or (target > baseline and stretch > target) or (target < baseline and stretch < target))
);

create table okr_check_in (
    id               bigint generated always as identity primary key,
    okr_id           bigint        not null references okr (id) on delete restrict,
    track            varchar(12)   not null,
    author_id        bigint        not null references app_user (id) on delete restrict,
    on_behalf_of_id  bigint        references app_user (id) on delete restrict,
    confidence       integer       not null,
    note             varchar(1000),
    checked_on       date          not null,
    recorded_at      timestamptz   not null,
    constraint okr_check_in_track_check check (track in ('TECHNICAL', 'COMMERCIAL')),
    constraint okr_check_in_confidence_check check (confidence between 0 and 10)
);

create index okr_check_in_okr on okr_check_in (okr_id, checked_on desc, id desc);

-- Check-ins are history: appended, never changed or removed; key results are fixed once stated.
create function learning_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are history: % refused', tg_table_name, tg_op;
end;
$$;

create trigger okr_check_in_append_only before update or delete on okr_check_in
    for each row execute function learning_refuse_change();
create trigger okr_key_result_fixed before update or delete on okr_key_result
    for each row execute function learning_refuse_change();
