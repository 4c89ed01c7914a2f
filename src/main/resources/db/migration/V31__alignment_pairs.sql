-- Alignment pairs: which technical metric should move which business metric, and how to judge it.
-- A transform turns a prototype's weekly means into the series that is paired:
--   LEVEL     = mean of the ISO week w
--   GAIN      = mean(w) - mean(w - 1 week)      (needs both weeks)
--   REDUCTION = mean(w - 1 week) - mean(w)      (positive when the metric fell, e.g. latency)
create table alignment_pair (
    id                   bigint generated always as identity primary key,
    position             int          not null,
    technical_metric     varchar(64)  not null references metric_definition (key) on delete restrict,
    technical_transform  varchar(12)  not null,
    business_metric      varchar(64)  not null references metric_definition (key) on delete restrict,
    business_transform   varchar(12)  not null,
    kind                 varchar(12)  not null,
    expected_direction   varchar(8)   not null,
    target_r             numeric(4, 3),
    version              bigint       not null default 0,
    constraint alignment_pair_technical_transform_check check (technical_transform in ('LEVEL', 'GAIN', 'REDUCTION')),
    constraint alignment_pair_business_transform_check check (business_transform in ('LEVEL', 'GAIN', 'REDUCTION')),
    constraint alignment_pair_kind_check check (kind in ('CORRELATION', 'REGRESSION')),
    constraint alignment_pair_direction_check check (expected_direction in ('POSITIVE', 'NEGATIVE')),
    constraint alignment_pair_target_check check (target_r is null or (target_r > 0 and target_r < 1)),
    constraint alignment_pair_distinct_check check (technical_metric <> business_metric),
    constraint alignment_pair_unique unique (technical_metric, technical_transform, business_metric, business_transform)
);

insert into alignment_pair (position, technical_metric, technical_transform, business_metric, business_transform,
                            kind, expected_direction, target_r) values
    (1, 'benchmark_score', 'LEVEL', 'task_completion_rate_pct', 'LEVEL', 'CORRELATION', 'POSITIVE', 0.85),
    (2, 'rag_latency_p95_ms', 'REDUCTION', 'nps', 'GAIN', 'REGRESSION', 'POSITIVE', null),
    (3, 'compliance_doc_completeness_pct', 'LEVEL', 'sales_cycle_days', 'LEVEL', 'REGRESSION', 'NEGATIVE', null);
