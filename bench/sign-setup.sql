-- Sign-load population (bench/sign-load.sh): :signers Delivery PMs (the demo password, whose hash
-- is copied from the demo account 'deliverer'), :gates prototypes whose Exploration PM is the demo
-- 'explorer' and whose Delivery PM is one of them in turn, each with an open PROTOTYPE->POC gate
-- whose items all pass (the latest templates' items, answered by the prototype's PMs), and one more
-- such gate that nobody signs: the page the probe reads. Run id :run keeps runs apart.
\set ON_ERROR_STOP on
begin;

insert into app_user (username, full_name, email, password_hash, reporting_line)
select 'sign' || :'run' || '-d' || n, 'Signer ' || upper(:'run') || ' ' || n, 'sign' || :'run' || 'd' || n || '@bench.example',
       (select password_hash from app_user where username = 'deliverer'), 'CPO'
from generate_series(1, :signers) n;

insert into user_role (user_id, role)
select id, 'DELIVERY_PM' from app_user where username like 'sign' || :'run' || '-d%';

insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
select 'SIGN' || upper(:'run') || '-' || g, 'Sign-load prototype ' || g, 'Sign-load prototype', 'Benchmark',
       (select id from app_user where username = 'explorer'),
       (select id from app_user where username = 'sign' || :'run' || '-d' || (1 + g % :signers)), 'PROTOTYPE'
from generate_series(0, :gates) g;

with tech as (select id, version from checklist_template where from_stage = 'PROTOTYPE' and track = 'TECHNICAL'
              order by version desc limit 1),
     comm as (select id, version from checklist_template where from_stage = 'PROTOTYPE' and track = 'COMMERCIAL'
              order by version desc limit 1)
insert into gate (prototype_id, from_stage, to_stage, status, technical_template_id, technical_template_version,
                  commercial_template_id, commercial_template_version, opened_at, opened_by, sla_hours, last_changed_at)
select p.id, 'PROTOTYPE', 'POC', 'OPEN', tech.id, tech.version, comm.id, comm.version,
       now() - interval '1 hour', p.exploration_pm_id, 48, now()
from prototype p, tech, comm
where p.key like 'SIGN' || upper(:'run') || '-%';

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
where p.key like 'SIGN' || upper(:'run') || '-%';

commit;
