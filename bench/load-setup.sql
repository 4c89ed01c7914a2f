-- Load-test population: 100 people (50 Exploration PMs, 50 Delivery PMs, all with the demo
-- password, whose hash is copied from the demo account 'explorer') and 1,000 prototypes, each
-- with an open PROTOTYPE->POC gate whose items all pass (the latest templates' items, answered
-- by the prototype's PMs). Idempotent per run id :run (psql -v run=...).
\set ON_ERROR_STOP on
begin;

insert into app_user (username, full_name, email, password_hash, reporting_line)
select 'load' || :'run' || '-' || t || n, 'Load ' || upper(t) || ' ' || n, 'load' || :'run' || t || n || '@bench.example',
       (select password_hash from app_user where username = 'explorer'), 'CPO'
from generate_series(1, 50) n, (values ('x'), ('d')) r(t);

insert into user_role (user_id, role)
select id, case when username like '%-x%' then 'EXPLORATION_PM' else 'DELIVERY_PM' end
from app_user where username like 'load' || :'run' || '-%';

insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
select 'LOAD' || upper(:'run') || '-' || g, 'Load prototype ' || g, 'Load-test prototype', 'Benchmark',
       (select id from app_user where username = 'load' || :'run' || '-x' || (1 + (g - 1) % 50)),
       (select id from app_user where username = 'load' || :'run' || '-d' || (1 + (g - 1) % 50)), 'PROTOTYPE'
from generate_series(1, 1000) g;

with tech as (select id, version from checklist_template where from_stage = 'PROTOTYPE' and track = 'TECHNICAL'
              order by version desc limit 1),
     comm as (select id, version from checklist_template where from_stage = 'PROTOTYPE' and track = 'COMMERCIAL'
              order by version desc limit 1)
insert into gate (prototype_id, from_stage, to_stage, status, technical_template_id, technical_template_version,
                  commercial_template_id, commercial_template_version, opened_at, opened_by, sla_hours, last_changed_at)
select p.id, 'PROTOTYPE', 'POC', 'OPEN', tech.id, tech.version, comm.id, comm.version,
       now() - (random() * 72) * interval '1 hour', p.exploration_pm_id, 48, now()
from prototype p, tech, comm
where p.key like 'LOAD' || upper(:'run') || '-%';

insert into gate_item (gate_id, track, position, code, label, kind, unit, comparator, threshold, blocking, metric_key,
                       answer_yes, answer_value, evidence_url, answered_by, answered_at, answer_source, revision)
select g.id, t.track, i.position, i.code, i.label, i.kind, i.unit, i.comparator, i.threshold, i.blocking, i.metric_key,
       case when i.kind = 'ATTESTATION' then true end,
       case when i.kind = 'MEASURE' then case i.comparator when '>' then i.threshold + 1 when '<' then i.threshold - 0.01 else i.threshold end end,
       case when i.kind = 'EVIDENCE_LINK' then 'https://evidence.example/' || i.code end,
       case when t.track = 'TECHNICAL' then p.exploration_pm_id else p.delivery_pm_id end,
       now(), 'SETUP', 1
from gate g
join prototype p on p.id = g.prototype_id
join checklist_template t on t.id in (g.technical_template_id, g.commercial_template_id)
join checklist_template_item i on i.template_id = t.id
where p.key like 'LOAD' || upper(:'run') || '-%';

commit;
