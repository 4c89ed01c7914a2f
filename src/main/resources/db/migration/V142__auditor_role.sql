-- The auditor reads everything and changes nothing; held alone (the application refuses it with
-- another role, and so does the trigger below, should two writers race).
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check
    check (role in ('EXPLORATION_PM', 'DELIVERY_PM', 'EXECUTIVE', 'ADMIN', 'AUDITOR'));

create function user_role_auditor_alone() returns trigger language plpgsql as $$
begin
    if exists (select 1 from user_role r
               where r.user_id = new.user_id
                 and (r.role = 'AUDITOR') <> (new.role = 'AUDITOR')) then
        raise exception 'an auditor holds no other role (user %)', new.user_id;
    end if;
    return new;
end;
$$;

create constraint trigger user_role_auditor_alone after insert or update on user_role
    deferrable initially deferred
    for each row execute function user_role_auditor_alone();
