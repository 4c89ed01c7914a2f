-- Metrics: what is measured (technical and business) and the daily observations per prototype.
create table metric_definition (
    key        varchar(64)  primary key,
    name       varchar(120) not null,
    unit       varchar(32)  not null,
    kind       varchar(10)  not null,
    direction  varchar(16)  not null,
    min_value  numeric,
    max_value  numeric,
    constraint metric_definition_key_check check (key ~ '^[a-z][a-z0-9_]{1,63}$'),
    constraint metric_definition_kind_check check (kind in ('TECHNICAL', 'BUSINESS')),
    constraint metric_definition_direction_check check (direction in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    constraint metric_definition_range_check check (min_value is null or max_value is null or min_value <= max_value)
);

insert into metric_definition (key, name, unit, kind, direction, min_value, max_value) values
    ('benchmark_score',                 'Benchmark score (MMLU)',             'points',   'TECHNICAL', 'HIGHER_IS_BETTER', 0, 100),
    ('rag_latency_p95_ms',              'RAG end-to-end latency p95',         'ms',       'TECHNICAL', 'LOWER_IS_BETTER',  0, 600000),
    ('availability_pct',                'Core-path availability',             '%',        'TECHNICAL', 'HIGHER_IS_BETTER', 0, 100),
    ('hallucination_rate_pct',          'Hallucination rate',                 '%',        'TECHNICAL', 'LOWER_IS_BETTER',  0, 100),
    ('first_response_accuracy_pct',     'First-response accuracy',            '%',        'TECHNICAL', 'HIGHER_IS_BETTER', 0, 100),
    ('task_completion_rate_pct',        'Customer task completion rate',      '%',        'BUSINESS',  'HIGHER_IS_BETTER', 0, 100),
    ('nps',                             'Net Promoter Score',                 'points',   'BUSINESS',  'HIGHER_IS_BETTER', -100, 100),
    ('retention_30d_pct',               '30-day retention',                   '%',        'BUSINESS',  'HIGHER_IS_BETTER', 0, 100),
    ('renewal_rate_pct',                'First-year renewal rate',            '%',        'BUSINESS',  'HIGHER_IS_BETTER', 0, 100),
    ('ltv_cac',                         'LTV / CAC',                          'ratio',    'BUSINESS',  'HIGHER_IS_BETTER', 0, 1000),
    ('sales_cycle_days',                'Sales cycle',                        'days',     'BUSINESS',  'LOWER_IS_BETTER',  0, 3650),
    ('compliance_doc_completeness_pct', 'Compliance documentation complete',  '%',        'BUSINESS',  'HIGHER_IS_BETTER', 0, 100),
    ('willingness_to_pay_usd',          'Willingness to pay',                 'USD/year', 'BUSINESS',  'HIGHER_IS_BETTER', 0, 1000000000);

-- One observation per prototype, metric and day: recording it again replaces the value.
create table observation (
    prototype_id bigint        not null references prototype (id) on delete restrict,
    metric_key   varchar(64)   not null references metric_definition (key) on delete restrict,
    observed_on  date          not null,
    value        numeric       not null,
    source       varchar(8)    not null,
    recorded_by  bigint        references app_user (id) on delete restrict,
    recorded_at  timestamptz   not null default now(),
    primary key (prototype_id, metric_key, observed_on),
    constraint observation_source_check check (source in ('FORM', 'CSV', 'API', 'POC', 'DEMO'))
);

create index observation_metric_day on observation (metric_key, observed_on);
