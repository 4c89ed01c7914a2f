-- Learning loop, part 2: capabilities of a prototype and the human feedback on what they do.
-- Each case (accepted, edited or rejected by a person, with a severity) is stored once per
-- prototype and case id; the daily rates it yields are observations of derived metrics, so gates,
-- kill criteria and the dashboard read them like any metric.

-- Metrics derived by DualGate itself (from feedback, from eval runs): people and pipelines do not
-- record them by hand, DualGate does, with the source FEEDBACK or EVAL.
alter table metric_definition add column derived_from varchar(16);
alter table metric_definition add constraint metric_definition_derived_check
    check (derived_from is null or derived_from in ('FEEDBACK', 'EVAL'));
alter table observation drop constraint observation_source_check;
alter table observation add constraint observation_source_check
    check (source in ('FORM', 'CSV', 'API', 'POC', 'DEMO', 'FEEDBACK', 'EVAL'));

insert into metric_definition (key, name, unit, kind, direction, min_value, max_value, derived_from) values
    ('human_acceptance_rate_pct', 'Human acceptance rate',           '%',     'TECHNICAL', 'HIGHER_IS_BETTER', 0, 100, 'FEEDBACK'),
    ('human_edit_rate_pct',       'Human edit rate',                 '%',     'TECHNICAL', 'LOWER_IS_BETTER',  0, 100, 'FEEDBACK'),
    ('human_rejection_rate_pct',  'Human rejection (override) rate', '%',     'TECHNICAL', 'LOWER_IS_BETTER',  0, 100, 'FEEDBACK'),
    ('human_critical_cases',      'Critical cases in human review',  'cases', 'TECHNICAL', 'LOWER_IS_BETTER',  0, 1000000, 'FEEDBACK');

-- A capability of a prototype (clause extraction, risk flagging, ...) and the autonomy it has
-- earned: SUGGEST -> DRAFT_FOR_REVIEW -> ACT.
create table capability (
    id                bigint generated always as identity primary key,
    prototype_id      bigint        not null references prototype (id) on delete restrict,
    key               varchar(30)   not null,
    name              varchar(120)  not null,
    description       varchar(1000),
    level             varchar(20)   not null default 'SUGGEST',
    level_changed_at  timestamptz   not null,
    created_by        bigint        references app_user (id) on delete restrict,
    created_at        timestamptz   not null,
    version           bigint        not null default 0,
    constraint capability_key_unique unique (prototype_id, key),
    constraint capability_key_check check (key ~ '^[a-z][a-z0-9_]{1,29}$'),
    constraint capability_level_check check (level in ('SUGGEST', 'DRAFT_FOR_REVIEW', 'ACT'))
);

create table feedback_case (
    prototype_id   bigint         not null references prototype (id) on delete restrict,
    case_id        varchar(100)   not null,
    capability_id  bigint         not null references capability (id) on delete restrict,
    outcome        varchar(8)     not null,
    severity       varchar(8)     not null,
    reviewer       varchar(120),
    comment        varchar(2000),
    occurred_at    timestamptz    not null,
    received_at    timestamptz    not null,
    recorded_by    bigint         references app_user (id) on delete restrict,
    primary key (prototype_id, case_id),
    constraint feedback_case_outcome_check check (outcome in ('ACCEPTED', 'EDITED', 'REJECTED')),
    constraint feedback_case_severity_check check (severity in ('NONE', 'MINOR', 'MAJOR', 'CRITICAL'))
);

create index feedback_case_capability_occurred on feedback_case (capability_id, occurred_at desc);
create index feedback_case_capability_received on feedback_case (capability_id, received_at, occurred_at);

-- A case is evidence: stored once, never rewritten (the same case id with other content is refused).
create trigger feedback_case_append_only before update or delete on feedback_case
    for each row execute function learning_refuse_change();
