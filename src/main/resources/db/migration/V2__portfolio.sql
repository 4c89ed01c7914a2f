-- Portfolio: prototypes and the history of their stages (funnel and cycle times come from it).
create table prototype (
    id                bigint generated always as identity primary key,
    key               varchar(32)   not null,
    name              varchar(120)  not null,
    problem_statement varchar(4000) not null,
    vertical          varchar(80)   not null,
    exploration_pm_id bigint        not null references app_user (id) on delete restrict,
    delivery_pm_id    bigint        not null references app_user (id) on delete restrict,
    stage             varchar(12)   not null,
    created_at        timestamptz   not null default now(),
    created_by        bigint        references app_user (id) on delete restrict,
    version           bigint        not null default 0,
    constraint prototype_key_unique unique (key),
    constraint prototype_key_check check (key ~ '^[A-Z][A-Z0-9-]{1,31}$'),
    constraint prototype_stage_check check (stage in ('PROTOTYPE', 'POC', 'PILOT', 'PRODUCTION', 'KILLED'))
);

create table stage_change (
    id           bigint generated always as identity primary key,
    prototype_id bigint       not null references prototype (id) on delete restrict,
    from_stage   varchar(12),
    to_stage     varchar(12)  not null,
    changed_at   timestamptz  not null,
    changed_by   bigint       references app_user (id) on delete restrict,
    reason       varchar(500),
    constraint stage_change_to_check check (to_stage in ('PROTOTYPE', 'POC', 'PILOT', 'PRODUCTION', 'KILLED')),
    -- A stage is entered at most once: a prototype never advances into the same stage twice.
    constraint stage_change_once unique (prototype_id, to_stage)
);

create index stage_change_prototype on stage_change (prototype_id, changed_at);
