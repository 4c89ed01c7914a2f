-- Benchmark data for the alignment dashboard: :prototypes prototypes with daily observations of 12
-- metrics for the days [current_date - :days_to, current_date - :days_from). Rows go through the
-- observation table (INSERT ... SELECT, one statement per prototype batch), so the statement-level
-- triggers maintain the weekly rollups exactly as for a CSV/COPY import.
\set ON_ERROR_STOP on
\set QUIET on

-- Prototypes (once): registered 2 years ago, spread over verticals and stages, with a stage history.
insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage, created_at)
select format('BENCH-%s', lpad(i::text, 5, '0')), format('Benchmark prototype %s', i), 'benchmark data',
       (array['Legal tech', 'Customer support', 'Insurance', 'Finance operations', 'Healthcare'])[1 + i % 5],
       (select id from app_user where username = 'explorer'), (select id from app_user where username = 'deliverer'),
       (array['PROTOTYPE', 'POC', 'POC', 'PILOT', 'PRODUCTION', 'KILLED'])[1 + i % 6],
       now() - interval '730 days'
from generate_series(1, :prototypes) i
where not exists (select 1 from prototype where key like 'BENCH-%');

insert into stage_change (prototype_id, from_stage, to_stage, changed_at)
select p.id, s.from_stage, s.to_stage, p.created_at + s.after_days * interval '1 day'
from prototype p
cross join lateral (values (null, 'PROTOTYPE', 0, 0), ('PROTOTYPE', 'POC', 40 + p.id % 60, 1),
                           ('POC', 'PILOT', 150 + p.id % 90, 2), ('PILOT', 'PRODUCTION', 300 + p.id % 120, 3))
    as s(from_stage, to_stage, after_days, rank)
where p.key like 'BENCH-%'
  and s.rank <= case p.stage when 'PROTOTYPE' then 0 when 'POC' then 1 when 'PILOT' then 2
                             when 'PRODUCTION' then 3 else 1 end
on conflict do nothing;
insert into stage_change (prototype_id, from_stage, to_stage, changed_at)
select id, 'POC', 'KILLED', created_at + interval '200 days' from prototype where key like 'BENCH-%' and stage = 'KILLED'
on conflict do nothing;

-- Observations: a technical trend per prototype, business metrics following it with noise.
select format($q$
insert into observation (prototype_id, metric_key, observed_on, value, source)
select p.id, m.key, d.day,
       round((case m.key
           when 'benchmark_score'                 then 60 + 25 * s.x + 3 * s.n1
           when 'task_completion_rate_pct'        then 70 + 20 * s.x + 4 * s.n2
           when 'rag_latency_p95_ms'              then 600 - 300 * s.x + 40 * s.n1
           when 'nps'                             then 10 + 40 * s.x + 8 * s.n2
           when 'availability_pct'                then 99.5 + 0.49 * s.x
           when 'hallucination_rate_pct'          then 8 - 6 * s.x + s.n1
           when 'first_response_accuracy_pct'     then 75 + 20 * s.x + 3 * s.n2
           when 'retention_30d_pct'               then 40 + 30 * s.x + 5 * s.n1
           when 'renewal_rate_pct'                then 50 + 35 * s.x + 5 * s.n2
           when 'ltv_cac'                         then 1 + 3 * s.x + 0.3 * s.n1
           when 'sales_cycle_days'                then 120 - 60 * s.x + 10 * s.n2
           else                                        40 + 55 * s.x + 5 * s.n1
       end)::numeric, 3), 'CSV'
from prototype p
cross join (values ('benchmark_score'), ('task_completion_rate_pct'), ('rag_latency_p95_ms'), ('nps'),
                   ('availability_pct'), ('hallucination_rate_pct'), ('first_response_accuracy_pct'),
                   ('retention_30d_pct'), ('renewal_rate_pct'), ('ltv_cac'), ('sales_cycle_days'),
                   ('compliance_doc_completeness_pct')) m(key)
cross join generate_series(current_date - %2$s, current_date - %3$s - 1, interval '1 day') d0
cross join lateral (select d0::date as day) d
cross join lateral (select 0.5 + 0.5 * sin((d.day - date '2000-01-01') / 90.0 + p.id) as x,
                           random() - 0.5 as n1, random() - 0.5 as n2) s
where p.key like 'BENCH-%%' and p.id %% %1$s = %4$s
$q$, :batches, :days_to, :days_from, b)
from generate_series(0, :batches - 1) b
\gexec
