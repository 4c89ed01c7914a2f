-- Alignment: a data version for the dashboard's cache. Every statement that changes a table the
-- dashboard reads appends one row here in the same transaction, so the committed sum of weights
-- grows with every committed change and never otherwise: a cached result computed after reading
-- version v is current for as long as the version still reads v. Appending (instead of updating one
-- counter row) keeps concurrent writers from queueing on a row lock. The dashboard compacts old rows
-- into one (same sum) now and then.
create table dashboard_change (
    id     bigint generated always as identity primary key,
    weight bigint not null default 1
);

insert into dashboard_change (weight) values (1);

create function dashboard_data_changed() returns trigger
    language plpgsql as
$$
begin
    insert into dashboard_change default values;
    return null;
end
$$;

create trigger dashboard_change_observation after insert or update or delete or truncate on observation
    for each statement execute function dashboard_data_changed();
create trigger dashboard_change_prototype after insert or update or delete or truncate on prototype
    for each statement execute function dashboard_data_changed();
create trigger dashboard_change_stage_change after insert or update or delete or truncate on stage_change
    for each statement execute function dashboard_data_changed();
create trigger dashboard_change_gate after insert or update or delete or truncate on gate
    for each statement execute function dashboard_data_changed();
create trigger dashboard_change_gate_signature after insert or update or delete or truncate on gate_signature
    for each statement execute function dashboard_data_changed();
create trigger dashboard_change_maturity after insert or update or delete or truncate on maturity_assessment
    for each statement execute function dashboard_data_changed();
create trigger dashboard_change_pair after insert or update or delete or truncate on alignment_pair
    for each statement execute function dashboard_data_changed();
create trigger dashboard_change_metric after insert or update or delete or truncate on metric_definition
    for each statement execute function dashboard_data_changed();
-- Only names are shown (scorecards); logins and lock-out counters must not empty the cache. A row
-- trigger with a condition, because the ORM writes every column (UPDATE OF would always fire).
create trigger dashboard_change_user after insert or delete on app_user
    for each statement execute function dashboard_data_changed();
create trigger dashboard_change_user_name after update on app_user
    for each row when (old.full_name is distinct from new.full_name) execute function dashboard_data_changed();
