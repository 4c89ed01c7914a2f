-- Webhooks: endpoints registered by admins, one delivery per event and endpoint (its
-- webhook-id stays the same on every retry) and the log of every attempt.
create table webhook_endpoint (
    id                   bigint generated always as identity primary key,
    url                  varchar(1000) not null,
    events               varchar(1000) not null,
    format               varchar(10)   not null,
    secret               varchar(100)  not null,
    enabled              boolean       not null default true,
    consecutive_failures integer       not null default 0,
    disabled_at          timestamptz,
    disabled_reason      varchar(300),
    created_by           bigint        not null references app_user (id) on delete restrict,
    created_at           timestamptz   not null,
    version              bigint        not null default 0,
    constraint webhook_endpoint_format_check check (format in ('standard', 'slack')),
    constraint webhook_endpoint_url_check check (url ~ '^https?://'),
    constraint webhook_endpoint_failures_check check (consecutive_failures >= 0)
);

create table webhook_delivery (
    id              bigint generated always as identity primary key,
    endpoint_id     bigint        not null references webhook_endpoint (id) on delete restrict,
    message_id      varchar(40)   not null,
    event_type      varchar(40)   not null,
    event_key       varchar(200)  not null,
    payload         text          not null,
    status          varchar(12)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz,
    first_attempt_at timestamptz,
    delivered_at    timestamptz,
    created_at      timestamptz   not null,
    constraint webhook_delivery_message unique (message_id),
    constraint webhook_delivery_once unique (endpoint_id, event_key),
    constraint webhook_delivery_status_check check (status in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'))
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at desc);

create table webhook_attempt (
    id           bigint generated always as identity primary key,
    delivery_id  bigint       not null references webhook_delivery (id) on delete restrict,
    attempt      integer      not null,
    attempted_at timestamptz  not null,
    status_code  integer,
    duration_ms  integer      not null,
    error        varchar(300),
    constraint webhook_attempt_once unique (delivery_id, attempt)
);
