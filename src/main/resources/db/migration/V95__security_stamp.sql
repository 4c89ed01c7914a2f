-- A person's rights stamp: raised whenever what their sessions and tokens may do changes
-- (deactivation, a role change, a password change). Every request compares the stamp its
-- session was created with against this one; a mismatch ends the session.
alter table app_user add column security_stamp bigint not null default 0;
alter table app_user add constraint app_user_security_stamp_check check (security_stamp >= 0);
