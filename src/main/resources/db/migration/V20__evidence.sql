-- Evidence: POCs, maturity assessments and kill criteria; observation tuned for bulk loads.

-- The primary key (prototype_id, metric_key, observed_on) already serves every per-prototype
-- query; the extra index only slowed the bulk upsert (see bench/import-1m.sh).
drop index if exists observation_metric_day;

create table poc (
    id                        bigint generated always as identity primary key,
    prototype_id              bigint        not null references prototype (id) on delete restrict,
    customer                  varchar(200)  not null,
    start_date                date          not null,
    end_date                  date          not null,
    success_criteria          varchar(4000) not null,
    willingness_to_pay_usd    numeric(14, 2),
    sovereignty_status        varchar(16)   not null,
    sovereignty_link          varchar(500),
    status                    varchar(12)   not null,
    outcome_notes             varchar(4000),
    created_by                bigint        not null references app_user (id) on delete restrict,
    created_at                timestamptz   not null,
    version                   bigint        not null default 0,
    constraint poc_dates_check check (end_date >= start_date),
    constraint poc_wtp_check check (willingness_to_pay_usd is null or willingness_to_pay_usd >= 0),
    constraint poc_sovereignty_check check (sovereignty_status in ('NONE', 'IN_NEGOTIATION', 'SIGNED')),
    constraint poc_signed_link_check check (sovereignty_status <> 'SIGNED' or sovereignty_link is not null),
    constraint poc_status_check check (status in ('PLANNED', 'RUNNING', 'SUCCEEDED', 'FAILED'))
);

create index poc_prototype on poc (prototype_id);

-- Maturity assessments are history: appended, never changed.
create table maturity_assessment (
    id                bigint generated always as identity primary key,
    prototype_id      bigint        not null references prototype (id) on delete restrict,
    assessed_on       date          not null,
    technical_level   smallint      not null,
    value_level       smallint      not null,
    compliance_level  smallint      not null,
    assessor_id       bigint        not null references app_user (id) on delete restrict,
    notes             varchar(4000),
    recorded_at       timestamptz   not null,
    constraint maturity_levels_check check (technical_level between 1 and 3 and value_level between 1 and 3
        and compliance_level between 1 and 3)
);

create index maturity_assessment_prototype on maturity_assessment (prototype_id, assessed_on, id);

create function maturity_assessment_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'maturity assessments are history: % refused', tg_op;
end;
$$;

create trigger maturity_assessment_append_only before update or delete on maturity_assessment
    for each row execute function maturity_assessment_refuse_change();

-- Failure criteria stated up front; the evaluation flags, people decide.
create table kill_criterion (
    id                    bigint generated always as identity primary key,
    prototype_id          bigint        not null references prototype (id) on delete restrict,
    metric_key            varchar(64)   not null references metric_definition (key) on delete restrict,
    comparator            varchar(2)    not null,
    threshold             numeric       not null,
    consecutive_days      integer       not null,
    no_improving_trend    boolean       not null,
    created_by            bigint        not null references app_user (id) on delete restrict,
    created_at            timestamptz   not null,
    met                   boolean       not null default false,
    evaluated_at          timestamptz,
    met_since             timestamptz,
    last_slope            double precision,
    constraint kill_criterion_comparator_check check (comparator in ('<', '<=', '>', '>=')),
    constraint kill_criterion_days_check check (consecutive_days between 1 and 365)
);

create index kill_criterion_prototype on kill_criterion (prototype_id);
