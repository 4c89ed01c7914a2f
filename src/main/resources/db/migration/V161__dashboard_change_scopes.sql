-- Performance (issue 16): the dashboard's data version per scope, so that a change recomputes only
-- the figures that read what changed. Every row of dashboard_change now names its scope: the table
-- a statement changed, or, for observations, 'observation:<metric key>' for each metric whose
-- weekly rollups changed (the dashboard reads observations through observation_weekly, whose rows
-- change in the same statement as the observations: see V30). Rows written before carry '*', which
-- every figure depends on. The versions stay sums of positive weights, so each only grows.
alter table dashboard_change add column scope varchar(80) not null default '*';

create or replace function dashboard_data_changed() returns trigger
    language plpgsql as
$$
begin
    insert into dashboard_change (scope) values (tg_table_name);
    return null;
end
$$;

-- Observations: one row per metric whose weekly rollups a statement changed, instead of one row for
-- any change of any observation.
drop trigger dashboard_change_observation on observation;

create function dashboard_observations_changed() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into dashboard_change (scope) select distinct 'observation:' || metric_key from new_rows;
    elsif tg_op = 'UPDATE' then
        insert into dashboard_change (scope)
        select 'observation:' || metric_key from new_rows union select 'observation:' || metric_key from old_rows;
    else
        insert into dashboard_change (scope) select distinct 'observation:' || metric_key from old_rows;
    end if;
    return null;
end
$$;

create trigger dashboard_change_weekly_insert after insert on observation_weekly
    referencing new table as new_rows for each statement execute function dashboard_observations_changed();
create trigger dashboard_change_weekly_update after update on observation_weekly
    referencing old table as old_rows new table as new_rows for each statement execute function dashboard_observations_changed();
create trigger dashboard_change_weekly_delete after delete on observation_weekly
    referencing old table as old_rows for each statement execute function dashboard_observations_changed();
-- emptied as a whole (a TRUNCATE of the observations): scope 'observation_weekly', read by every
-- figure that reads observations
create trigger dashboard_change_weekly_truncate after truncate on observation_weekly
    for each statement execute function dashboard_data_changed();
