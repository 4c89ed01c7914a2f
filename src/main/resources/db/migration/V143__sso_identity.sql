-- Single sign-on (OpenID Connect): a person is linked to one subject at one issuer, created on
-- first sign-in or linked to an existing account whose username matches when an admin allows it.
alter table app_user add column sso_issuer varchar(255);
alter table app_user add column sso_subject varchar(255);
alter table app_user add column sso_link_allowed boolean not null default false;
alter table app_user add constraint app_user_sso_pair_check
    check ((sso_issuer is null) = (sso_subject is null));
create unique index app_user_sso_subject on app_user (sso_issuer, sso_subject) where sso_subject is not null;
