-- Notifications: one row per person and event (the in-app inbox) with the state of its e-mail.
-- dedup_key makes recording idempotent: a retried listener or a second node records nothing
-- twice, and a reminder already sent is never sent again.
create table notification (
    id            bigint generated always as identity primary key,
    recipient_id  bigint        not null references app_user (id) on delete restrict,
    type          varchar(40)   not null,
    gate_id       bigint,
    prototype_key varchar(32),
    args          varchar(4000) not null,
    link          varchar(300)  not null,
    dedup_key     varchar(200)  not null,
    created_at    timestamptz   not null,
    read_at       timestamptz,
    delivery      varchar(16)   not null,
    email_status  varchar(16)   not null,
    email_attempts integer      not null default 0,
    email_error   varchar(300),
    emailed_at    timestamptz,
    email_claimed_at timestamptz,
    constraint notification_dedup unique (dedup_key),
    constraint notification_delivery_check check (delivery in ('IN_APP', 'IN_APP_AND_EMAIL', 'DAILY_DIGEST')),
    constraint notification_email_status_check check (email_status in
        ('NONE', 'OFF', 'PENDING', 'SENDING', 'SENT', 'FAILED', 'UNDELIVERABLE', 'DIGEST_PENDING', 'DIGESTED'))
);

create index notification_inbox on notification (recipient_id, created_at desc, id desc);
create index notification_unread on notification (recipient_id) where read_at is null;
create index notification_gate on notification (gate_id) where gate_id is not null;
create index notification_digest on notification (recipient_id) where email_status = 'DIGEST_PENDING';

-- Per person and type: in-app only, in-app and e-mail, or a daily digest e-mail.
create table notification_preference (
    person_id bigint      not null references app_user (id) on delete restrict,
    type      varchar(40) not null,
    delivery  varchar(16) not null,
    primary key (person_id, type),
    constraint notification_preference_delivery_check check (delivery in ('IN_APP', 'IN_APP_AND_EMAIL', 'DAILY_DIGEST'))
);

-- SLA follow-ups of a gate: each milestone is claimed once (update ... where x is null), so
-- however many nodes run the job, a gate is reminded, declared overdue and escalated once.
create table sla_follow_up (
    gate_id      bigint      primary key,
    opened_at    timestamptz not null,
    due_at       timestamptz not null,
    reminded_at  timestamptz,
    overdue_at   timestamptz,
    escalated_at timestamptz,
    decided_at   timestamptz
);
