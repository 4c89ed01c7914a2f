-- Learning loop, part 5: value maps. A chain from a capability metric through customer operational
-- metrics to money ("RAG latency -100 ms -> +2.3 tickets per agent per day -> 187,000 USD/year
-- saved"); each step states its claimed change and the assumption behind it. Measured steps are
-- compared with the slope of the prototype's own observations; the last step may be money, an
-- assumption only. A map is a statement: it is kept as written (a new map replaces it).
create table value_map (
    id            bigint generated always as identity primary key,
    prototype_id  bigint        not null references prototype (id) on delete restrict,
    title         varchar(200)  not null,
    created_by    bigint        not null references app_user (id) on delete restrict,
    created_at    timestamptz   not null,
    constraint value_map_title_check check (length(btrim(title)) > 0)
);

create index value_map_prototype on value_map (prototype_id, created_at desc);

create table value_map_step (
    id            bigint generated always as identity primary key,
    value_map_id  bigint         not null references value_map (id) on delete restrict,
    position      integer        not null,
    from_metric   varchar(64)    not null references metric_definition (key) on delete restrict,
    from_change   numeric(19, 6) not null,
    to_metric     varchar(64)    references metric_definition (key) on delete restrict,
    to_unit       varchar(32)    not null,
    to_change     numeric(19, 6) not null,
    lag_weeks     integer        not null default 0,
    assumption    varchar(1000)  not null,
    constraint value_map_step_position unique (value_map_id, position),
    constraint value_map_step_change_check check (from_change <> 0),
    constraint value_map_step_lag_check check (lag_weeks between 0 and 26)
);

create trigger value_map_fixed before update or delete on value_map
    for each row execute function learning_refuse_change();
create trigger value_map_step_fixed before update or delete on value_map_step
    for each row execute function learning_refuse_change();
