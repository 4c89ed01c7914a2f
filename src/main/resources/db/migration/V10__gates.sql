-- Dual-sign gates: versioned checklist templates, gates with items copied from the template in
-- force, and signatures. The rules that matter most are also kept by the database.

create table checklist_template (
    id          bigint generated always as identity primary key,
    from_stage  varchar(12)  not null,
    to_stage    varchar(12)  not null,
    track       varchar(12)  not null,
    version     integer      not null,
    title       varchar(200) not null,
    created_at  timestamptz  not null,
    created_by  bigint       references app_user (id) on delete restrict,
    change_note varchar(500),
    constraint checklist_template_track_check check (track in ('TECHNICAL', 'COMMERCIAL')),
    constraint checklist_template_transition_check check (
        (from_stage, to_stage) in (('PROTOTYPE', 'POC'), ('POC', 'PILOT'), ('PILOT', 'PRODUCTION'))),
    constraint checklist_template_version_check check (version > 0),
    constraint checklist_template_version_unique unique (from_stage, track, version)
);

create table checklist_template_item (
    id          bigint generated always as identity primary key,
    template_id bigint        not null references checklist_template (id) on delete restrict,
    position    integer       not null,
    code        varchar(40)   not null,
    label       varchar(500)  not null,
    kind        varchar(16)   not null,
    unit        varchar(20),
    comparator  varchar(2),
    threshold   numeric(19, 6),
    blocking    boolean       not null,
    metric_key  varchar(64),
    constraint checklist_template_item_code_unique unique (template_id, code),
    constraint checklist_template_item_code_check check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
    constraint checklist_template_item_kind_check check (kind in ('ATTESTATION', 'MEASURE', 'EVIDENCE_LINK')),
    constraint checklist_template_item_measure_check check (
        (kind = 'MEASURE' and comparator in ('>=', '<=', '>', '<') and threshold is not null and unit is not null)
        or (kind <> 'MEASURE' and comparator is null and threshold is null))
);

create table gate (
    id                     bigint generated always as identity primary key,
    prototype_id           bigint        not null references prototype (id) on delete restrict,
    from_stage             varchar(12)   not null,
    to_stage               varchar(12)   not null,
    status                 varchar(10)   not null,
    technical_template_id  bigint        not null references checklist_template (id) on delete restrict,
    technical_template_version  integer  not null,
    commercial_template_id bigint        not null references checklist_template (id) on delete restrict,
    commercial_template_version integer  not null,
    opened_at              timestamptz   not null,
    opened_by              bigint        references app_user (id) on delete restrict,
    sla_hours              integer       not null,
    decided_at             timestamptz,
    decision_reason        varchar(1000),
    last_changed_at        timestamptz   not null,
    version                bigint        not null default 0,
    constraint gate_status_check check (status in ('OPEN', 'APPROVED', 'REJECTED')),
    constraint gate_sla_check check (sla_hours > 0),
    constraint gate_decided_check check ((status = 'OPEN') = (decided_at is null)),
    constraint gate_rejected_reason_check check (status <> 'REJECTED' or decision_reason is not null)
);

-- At most one open gate per prototype, and a transition is approved at most once.
create unique index gate_one_open_per_prototype on gate (prototype_id) where status = 'OPEN';
create unique index gate_one_approval_per_transition on gate (prototype_id, to_stage) where status = 'APPROVED';
create index gate_status on gate (status, opened_at);

create table gate_item (
    id            bigint generated always as identity primary key,
    gate_id       bigint         not null references gate (id) on delete restrict,
    track         varchar(12)    not null,
    position      integer        not null,
    code          varchar(40)    not null,
    label         varchar(500)   not null,
    kind          varchar(16)    not null,
    unit          varchar(20),
    comparator    varchar(2),
    threshold     numeric(19, 6),
    blocking      boolean        not null,
    metric_key    varchar(64),
    answer_yes    boolean,
    answer_value  numeric(19, 6),
    evidence_url  varchar(1000),
    answered_by   bigint         references app_user (id) on delete restrict,
    answered_at   timestamptz,
    answer_source varchar(40),
    evidence_date date,
    revision      integer        not null default 0,
    constraint gate_item_unique unique (gate_id, track, code),
    constraint gate_item_track_check check (track in ('TECHNICAL', 'COMMERCIAL')),
    constraint gate_item_kind_check check (kind in ('ATTESTATION', 'MEASURE', 'EVIDENCE_LINK'))
);

create table gate_signature (
    id                  bigint generated always as identity primary key,
    gate_id             bigint        not null references gate (id) on delete restrict,
    track               varchar(12)   not null,
    signer_id           bigint        not null references app_user (id) on delete restrict,
    signer_name         varchar(120)  not null,
    signed_at           timestamptz   not null,
    meaning             varchar(8)    not null,
    meaning_text        varchar(300)  not null,
    reason              varchar(1000),
    template_id         bigint        not null references checklist_template (id) on delete restrict,
    template_version    integer       not null,
    content_hash        varchar(64)   not null,
    valid               boolean       not null default true,
    invalidated_at      timestamptz,
    invalidated_by      varchar(64),
    invalidation_reason varchar(500),
    constraint gate_signature_track_check check (track in ('TECHNICAL', 'COMMERCIAL')),
    constraint gate_signature_meaning_check check (meaning in ('APPROVE', 'REJECT')),
    constraint gate_signature_reject_reason check (meaning <> 'REJECT' or reason is not null),
    constraint gate_signature_hash_check check (content_hash ~ '^[0-9a-f]{64}$'),
    constraint gate_signature_invalidation_check check (
        valid = (invalidated_at is null) and (valid or invalidation_reason is not null))
);

-- One valid signature per (gate, track): two people signing at once leave exactly one.
create unique index gate_signature_one_valid on gate_signature (gate_id, track) where valid;

-- Four eyes, kept by the database as well: one person never signs both tracks of a gate (valid
-- or invalidated signatures alike), and a signature is never rewritten or deleted except being
-- flagged invalid once.
create function gate_signature_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'gate_signature rows are never deleted';
    end if;
    if tg_op = 'INSERT' then
        perform pg_advisory_xact_lock(7001, new.gate_id::int);
        if exists (select 1 from gate_signature s
                   where s.gate_id = new.gate_id and s.track <> new.track and s.signer_id = new.signer_id) then
            raise exception 'separation of duties: user % already signed the other track of gate %',
                new.signer_id, new.gate_id using errcode = '23514';
        end if;
        return new;
    end if;
    -- UPDATE: only the invalidation flags may change, and only from valid to invalid.
    if new.gate_id <> old.gate_id or new.track <> old.track or new.signer_id <> old.signer_id
        or new.signer_name <> old.signer_name or new.signed_at <> old.signed_at or new.meaning <> old.meaning
        or new.meaning_text <> old.meaning_text or new.reason is distinct from old.reason
        or new.template_id <> old.template_id or new.template_version <> old.template_version
        or new.content_hash <> old.content_hash or (not old.valid and new.valid) then
        raise exception 'a signature cannot be edited; it can only be invalidated';
    end if;
    return new;
end;
$$;

create trigger gate_signature_guard before insert or update or delete on gate_signature
    for each row execute function gate_signature_guard();
