-- Gate-list population (bench/lists.sh): on the first call 50 Exploration PMs and 50 Delivery PMs
-- of run :run (the demo password, hash copied from 'explorer'); each call adds the prototypes
-- :from..:to, each with one gate whose items are answered (all pass), spread as a real portfolio:
-- 3 in 10 open (opened up to 4 days ago, so some are overdue; half of them with the technical track
-- signed), 6 in 10 approved (both tracks signed, decided, the prototype at POC), 1 in 10 rejected.
-- Prototype n belongs to PMs (n mod 50): the measured Delivery PM 'list<run>-d1' holds 1 in 50.
\set ON_ERROR_STOP on
begin;

insert into app_user (username, full_name, email, password_hash, reporting_line)
select 'list' || :'run' || '-' || t || n, 'List ' || upper(t) || ' ' || n, 'list' || :'run' || t || n || '@bench.example',
       (select password_hash from app_user where username = 'explorer'), 'CPO'
from generate_series(1, 50) n, (values ('x'), ('d')) r(t)
on conflict do nothing;

insert into user_role (user_id, role)
select id, case when username like '%-x%' then 'EXPLORATION_PM' else 'DELIVERY_PM' end
from app_user where username like 'list' || :'run' || '-%'
on conflict do nothing;

insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
select 'LIST' || upper(:'run') || '-' || g, 'List prototype ' || g, 'Gate-list benchmark prototype', 'Benchmark',
       (select id from app_user where username = 'list' || :'run' || '-x' || (1 + g % 50)),
       (select id from app_user where username = 'list' || :'run' || '-d' || (1 + g % 50)),
       case when g % 10 between 3 and 8 then 'POC' else 'PROTOTYPE' end
from generate_series(:from, :to) g;

with tech as (select id, version from checklist_template where from_stage = 'PROTOTYPE' and track = 'TECHNICAL'
              order by version desc limit 1),
     comm as (select id, version from checklist_template where from_stage = 'PROTOTYPE' and track = 'COMMERCIAL'
              order by version desc limit 1),
     new_prototypes as (select p.id, p.exploration_pm_id, split_part(p.key, '-', 2)::int as g from prototype p
                        where p.key like 'LIST' || upper(:'run') || '-%'
                          and split_part(p.key, '-', 2)::int between :from and :to)
insert into gate (prototype_id, from_stage, to_stage, status, technical_template_id, technical_template_version,
                  commercial_template_id, commercial_template_version, opened_at, opened_by, sla_hours, last_changed_at,
                  decided_at, decision_reason)
select p.id, 'PROTOTYPE', 'POC', case when p.g % 10 < 3 then 'OPEN' when p.g % 10 = 9 then 'REJECTED' else 'APPROVED' end,
       tech.id, tech.version, comm.id, comm.version,
       case when p.g % 10 < 3 then now() - (p.g % 97) * interval '1 hour' else now() - (p.g % 700) * interval '1 day' end,
       p.exploration_pm_id, 48, now(),
       case when p.g % 10 >= 3 then now() - (p.g % 700) * interval '1 day' + (p.g % 60) * interval '1 hour' end,
       case when p.g % 10 = 9 then 'Not ready: benchmark rejection' end
from new_prototypes p, tech, comm;

create temp table new_gates on commit drop as
select g.id, g.status, g.technical_template_id, g.technical_template_version, g.commercial_template_id,
       g.commercial_template_version, g.opened_at, p.exploration_pm_id, p.delivery_pm_id,
       split_part(p.key, '-', 2)::int as n
from gate g join prototype p on p.id = g.prototype_id
where p.key like 'LIST' || upper(:'run') || '-%' and split_part(p.key, '-', 2)::int between :from and :to;

insert into gate_item (gate_id, track, position, code, label, kind, unit, comparator, threshold, blocking, metric_key,
                       answer_yes, answer_value, evidence_url, answered_by, answered_at, answer_source, revision)
select g.id, t.track, i.position, i.code, i.label, i.kind, i.unit, i.comparator, i.threshold, i.blocking, i.metric_key,
       case when i.kind = 'ATTESTATION' then true end,
       case when i.kind = 'MEASURE' then case i.comparator when '>' then i.threshold + 1 when '<' then i.threshold - 0.01 else i.threshold end end,
       case when i.kind = 'EVIDENCE_LINK' then 'https://evidence.example/' || i.code end,
       case when t.track = 'TECHNICAL' then g.exploration_pm_id else g.delivery_pm_id end,
       g.opened_at, 'SETUP', 1
from new_gates g
join checklist_template t on t.id in (g.technical_template_id, g.commercial_template_id)
join checklist_template_item i on i.template_id = t.id;

-- signatures: technical on decided gates and on half of the open ones, commercial on decided gates
insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text, reason,
                            template_id, template_version, content_hash)
select g.id, 'TECHNICAL', g.exploration_pm_id, u.full_name, g.opened_at + interval '1 hour', 'APPROVE',
       'Approved: technical robustness', null, g.technical_template_id, g.technical_template_version,
       md5(g.id::text || 'T') || md5(g.id::text || 't')
from new_gates g join app_user u on u.id = g.exploration_pm_id
where g.status <> 'OPEN' or g.n % 2 = 0;

insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text, reason,
                            template_id, template_version, content_hash)
select g.id, 'COMMERCIAL', g.delivery_pm_id, u.full_name, g.opened_at + interval '2 hours',
       case when g.status = 'REJECTED' then 'REJECT' else 'APPROVE' end,
       case when g.status = 'REJECTED' then 'Rejected: commercial readiness' else 'Approved: commercial readiness' end,
       case when g.status = 'REJECTED' then 'Not ready: benchmark rejection' end,
       g.commercial_template_id, g.commercial_template_version, md5(g.id::text || 'C') || md5(g.id::text || 'c')
from new_gates g join app_user u on u.id = g.delivery_pm_id
where g.status <> 'OPEN';

commit;
analyze gate;
analyze gate_item;
analyze gate_signature;
analyze prototype;
