-- Notifications speak the reader's language; escalations go up the reporting line to a
-- named manager (admins where there is none).
alter table app_user add column preferred_language varchar(10) not null default 'en';
alter table app_user add constraint app_user_language_check check (preferred_language in ('en', 'zh-CN'));
alter table app_user add column manager_id bigint references app_user (id) on delete restrict;
alter table app_user add constraint app_user_manager_not_self check (manager_id is null or manager_id <> id);
