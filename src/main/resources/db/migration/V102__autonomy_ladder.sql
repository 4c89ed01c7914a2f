-- Learning loop, part 3: the autonomy ladder. Raising a capability's level is a gate with the same
-- dual-sign mechanism as a stage change (two tracks, two people, e-signature, audit, SLA), on a
-- template of its own whose items are computed from feedback; lowering is automatic (or by hand)
-- and recorded as history.

-- A gate is about a stage transition (as before) or about one capability's autonomy level.
alter table gate add column kind varchar(10) not null default 'STAGE';
alter table gate add column capability varchar(30);
alter table gate add column from_level varchar(20);
alter table gate add column to_level varchar(20);
alter table gate add constraint gate_kind_check check (kind in ('STAGE', 'AUTONOMY'));
alter table gate add constraint gate_subject_check check (
    (kind = 'STAGE' and capability is null and from_level is null and to_level is null)
    or (kind = 'AUTONOMY' and capability is not null
        and (from_level, to_level) in (('SUGGEST', 'DRAFT_FOR_REVIEW'), ('DRAFT_FOR_REVIEW', 'ACT'))));

-- One open stage gate per prototype (as before), one open autonomy gate per capability; a stage
-- transition is approved at most once (autonomy may be earned again after it was taken back).
drop index gate_one_open_per_prototype;
create unique index gate_one_open_per_prototype on gate (prototype_id) where status = 'OPEN' and kind = 'STAGE';
create unique index gate_one_open_per_capability on gate (prototype_id, capability)
    where status = 'OPEN' and kind = 'AUTONOMY';
drop index gate_one_approval_per_transition;
create unique index gate_one_approval_per_transition on gate (prototype_id, to_stage)
    where status = 'APPROVED' and kind = 'STAGE';

-- Checklist templates for autonomy levels (per target level and track, versioned like the others).
alter table checklist_template add column kind varchar(10) not null default 'STAGE';
alter table checklist_template add column to_level varchar(20);
alter table checklist_template alter column from_stage drop not null;
alter table checklist_template alter column to_stage drop not null;
alter table checklist_template drop constraint checklist_template_transition_check;
alter table checklist_template add constraint checklist_template_transition_check check (
    (kind = 'STAGE' and to_level is null
        and (from_stage, to_stage) in (('PROTOTYPE', 'POC'), ('POC', 'PILOT'), ('PILOT', 'PRODUCTION')))
    or (kind = 'AUTONOMY' and from_stage is null and to_stage is null and to_level in ('DRAFT_FOR_REVIEW', 'ACT')));
create unique index checklist_template_autonomy_version on checklist_template (to_level, track, version)
    where kind = 'AUTONOMY';

-- Computed items: PASS/FAIL from data (a rate over at least N cases in the last M days, a count, a
-- pass rate from a recent run), never typed. metric_key names the computation, param its subject
-- (an eval suite), min_count and window_days its bounds.
alter table checklist_template_item drop constraint checklist_template_item_kind_check;
alter table checklist_template_item add constraint checklist_template_item_kind_check
    check (kind in ('ATTESTATION', 'MEASURE', 'EVIDENCE_LINK', 'COMPUTED'));
alter table checklist_template_item drop constraint checklist_template_item_measure_check;
alter table checklist_template_item add constraint checklist_template_item_measure_check check (
    (kind in ('MEASURE', 'COMPUTED') and comparator in ('>=', '<=', '>', '<') and threshold is not null
        and unit is not null)
    or (kind not in ('MEASURE', 'COMPUTED') and comparator is null and threshold is null));
alter table checklist_template_item add column min_count integer;
alter table checklist_template_item add column window_days integer;
alter table checklist_template_item add column param varchar(64);
alter table checklist_template_item add constraint checklist_template_item_computed_check check (
    (kind = 'COMPUTED' and metric_key is not null and window_days between 1 and 3650
        and (min_count is null or min_count between 1 and 1000000))
    or (kind <> 'COMPUTED' and min_count is null and window_days is null and param is null));

alter table gate_item drop constraint gate_item_kind_check;
alter table gate_item add constraint gate_item_kind_check
    check (kind in ('ATTESTATION', 'MEASURE', 'EVIDENCE_LINK', 'COMPUTED'));
alter table gate_item add column min_count integer;
alter table gate_item add column window_days integer;
alter table gate_item add column param varchar(64);
-- what the computation found: how many cases (or runs) the value rests on, and when the latest was
alter table gate_item add column computed_count bigint;
alter table gate_item add column computed_as_of timestamptz;

-- Version 1 of the four autonomy checklists. Defaults: to draft for review, at least 90 % accepted
-- over at least 200 cases in 30 days; to act, at least 95 % over at least 200 cases in 30 days;
-- both with no CRITICAL case in 30 days, a rollback plan and a human-oversight arrangement.
insert into checklist_template (kind, to_level, track, version, title, created_at, change_note) values
  ('AUTONOMY', 'DRAFT_FOR_REVIEW', 'TECHNICAL', 1, 'Autonomy: suggest to draft for review (technical)', now(), 'initial version'),
  ('AUTONOMY', 'DRAFT_FOR_REVIEW', 'COMMERCIAL', 1, 'Autonomy: suggest to draft for review (commercial)', now(), 'initial version'),
  ('AUTONOMY', 'ACT', 'TECHNICAL', 1, 'Autonomy: draft for review to act (technical)', now(), 'initial version'),
  ('AUTONOMY', 'ACT', 'COMMERCIAL', 1, 'Autonomy: draft for review to act (commercial)', now(), 'initial version');

create temporary table seed_autonomy_item (
    to_level varchar(20), track varchar(12), position int, code varchar(40), label varchar(500), kind varchar(16),
    unit varchar(20), comparator varchar(2), threshold numeric(19, 6), blocking boolean, metric_key varchar(64),
    min_count integer, window_days integer
);

insert into seed_autonomy_item values
  ('DRAFT_FOR_REVIEW', 'TECHNICAL', 1, 'acceptance_rate', 'People accept what this capability suggests', 'COMPUTED', '%', '>=', 90, true, 'human_acceptance_rate_pct', 200, 30),
  ('DRAFT_FOR_REVIEW', 'TECHNICAL', 2, 'no_critical_case', 'No CRITICAL case', 'COMPUTED', 'cases', '<=', 0, true, 'human_critical_cases', null, 30),
  ('DRAFT_FOR_REVIEW', 'TECHNICAL', 3, 'rollback_plan', 'Rollback plan: how to return the capability to suggestions at once', 'EVIDENCE_LINK', null, null, null, true, null, null, null),
  ('DRAFT_FOR_REVIEW', 'COMMERCIAL', 1, 'human_oversight', 'Human oversight described: who reviews each draft before it reaches a customer', 'ATTESTATION', null, null, null, true, null, null, null),
  ('DRAFT_FOR_REVIEW', 'COMMERCIAL', 2, 'customers_informed', 'Customers are told that drafts are written by AI', 'ATTESTATION', null, null, null, false, null, null, null),
  ('ACT', 'TECHNICAL', 1, 'acceptance_rate', 'People accept what this capability drafts', 'COMPUTED', '%', '>=', 95, true, 'human_acceptance_rate_pct', 200, 30),
  ('ACT', 'TECHNICAL', 2, 'no_critical_case', 'No CRITICAL case', 'COMPUTED', 'cases', '<=', 0, true, 'human_critical_cases', null, 30),
  ('ACT', 'TECHNICAL', 3, 'rollback_plan', 'Rollback plan: how to return the capability to drafts at once', 'EVIDENCE_LINK', null, null, null, true, null, null, null),
  ('ACT', 'COMMERCIAL', 1, 'human_oversight', 'Human oversight described: who samples the actions taken, how often, and who may stop the capability', 'ATTESTATION', null, null, null, true, null, null, null),
  ('ACT', 'COMMERCIAL', 2, 'liability_agreed', 'Liability for actions taken without review agreed with the customer', 'ATTESTATION', null, null, null, true, null, null, null);

insert into checklist_template_item (template_id, position, code, label, kind, unit, comparator, threshold, blocking,
                                     metric_key, min_count, window_days)
select t.id, s.position, s.code, s.label, s.kind, s.unit, s.comparator, s.threshold, s.blocking, s.metric_key,
       s.min_count, s.window_days
from seed_autonomy_item s
join checklist_template t on t.kind = 'AUTONOMY' and t.to_level = s.to_level and t.track = s.track and t.version = 1;

drop table seed_autonomy_item;

-- The ladder's lower bounds, per capability: a level drops one step when the acceptance rate over
-- the last K cases received since the level last changed falls below its bound (which sits below
-- the bound that raised it, so that a level does not flap), or when a CRITICAL case arrives.
alter table capability add column demotion_window_cases integer not null default 50;
alter table capability add column demote_draft_below_pct numeric(5, 2) not null default 80;
alter table capability add column demote_act_below_pct numeric(5, 2) not null default 90;
alter table capability add constraint capability_demotion_check check (
    demotion_window_cases between 10 and 1000
    and demote_draft_below_pct between 0 and 100 and demote_act_below_pct between 0 and 100);

-- Every level change, with its cause and evidence. sequence is the capability's version before the
-- change: two changes from the same state cannot both be recorded. Automatic changes go one step
-- down, a gate one step up, a person's hand any number of steps down.
create table autonomy_level_change (
    id             bigint generated always as identity primary key,
    capability_id  bigint        not null references capability (id) on delete restrict,
    sequence       bigint        not null,
    from_level     varchar(20)   not null,
    to_level       varchar(20)   not null,
    cause          varchar(16)   not null,
    gate_id        bigint        references gate (id) on delete restrict,
    evidence       varchar(1000),
    reason         varchar(1000),
    actor_id       bigint        references app_user (id) on delete restrict,
    changed_at     timestamptz   not null,
    constraint autonomy_level_change_sequence unique (capability_id, sequence),
    constraint autonomy_level_change_cause_check check (cause in ('GATE', 'AUTO_ACCEPTANCE', 'AUTO_CRITICAL', 'MANUAL')),
    constraint autonomy_level_change_levels_check check (from_level in ('SUGGEST', 'DRAFT_FOR_REVIEW', 'ACT')
        and to_level in ('SUGGEST', 'DRAFT_FOR_REVIEW', 'ACT')),
    constraint autonomy_level_change_step_check check (
        (cause = 'GATE' and gate_id is not null
            and (from_level, to_level) in (('SUGGEST', 'DRAFT_FOR_REVIEW'), ('DRAFT_FOR_REVIEW', 'ACT')))
        or (cause in ('AUTO_ACCEPTANCE', 'AUTO_CRITICAL')
            and (from_level, to_level) in (('ACT', 'DRAFT_FOR_REVIEW'), ('DRAFT_FOR_REVIEW', 'SUGGEST')))
        or (cause = 'MANUAL' and reason is not null
            and (from_level, to_level) in (('ACT', 'DRAFT_FOR_REVIEW'), ('ACT', 'SUGGEST'), ('DRAFT_FOR_REVIEW', 'SUGGEST'))))
);

create index autonomy_level_change_capability on autonomy_level_change (capability_id, changed_at desc);

create trigger autonomy_level_change_append_only before update or delete on autonomy_level_change
    for each row execute function learning_refuse_change();
