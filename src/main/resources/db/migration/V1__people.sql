-- People: accounts are never deleted (deactivated instead) and usernames are never reused.
create table app_user (
    id               bigint generated always as identity primary key,
    username         varchar(64)  not null,
    full_name        varchar(200) not null,
    email            varchar(254) not null,
    password_hash    varchar(200) not null,
    active           boolean      not null default true,
    reporting_line   varchar(10)  not null,
    failed_attempts  integer      not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz  not null default now(),
    version          bigint       not null default 0,
    constraint app_user_reporting_line_check check (reporting_line in ('CPO', 'CTO', 'OTHER')),
    constraint app_user_username_check check (username ~ '^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$'),
    constraint app_user_failed_attempts_check check (failed_attempts >= 0)
);

-- Case-insensitive uniqueness: "Explorer" and "explorer" are the same person.
create unique index app_user_username_ci on app_user (lower(username));

create table user_role (
    user_id bigint      not null references app_user (id) on delete restrict,
    role    varchar(20) not null,
    primary key (user_id, role),
    constraint user_role_role_check check (role in ('EXPLORATION_PM', 'DELIVERY_PM', 'EXECUTIVE', 'ADMIN'))
);

create function app_user_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'users are deactivated, never deleted (user %)', old.username;
    end if;
    if new.username <> old.username then
        raise exception 'usernames never change (user %)', old.username;
    end if;
    return new;
end;
$$;

create trigger app_user_guard before update or delete on app_user
    for each row execute function app_user_guard();

-- Personal API tokens: only a SHA-256 of the token is stored; the token itself is shown once.
create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint       not null references app_user (id) on delete restrict,
    name         varchar(100) not null,
    token_hash   varchar(64)     not null unique,
    token_prefix varchar(12)  not null,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index api_token_user on api_token (user_id);
