-- Alignment: weekly rollups of the daily observations, kept current by statement-level triggers
-- so that the dashboard reads about 7x fewer rows than the raw table and never scans history.
-- Only sum and count are kept: the weekly mean (sum / count) is what the pairs use, and both can be
-- corrected exactly when a value is replaced or deleted (a min or max could not be, without a rescan).

-- Monday of the ISO week of a day; pure date arithmetic (no time zone involved).
create function iso_week_start(day date) returns date
    language sql immutable strict parallel safe
    return day - (extract(isodow from day)::int - 1);

create table observation_weekly (
    prototype_id bigint      not null references prototype (id) on delete restrict,
    metric_key   varchar(64) not null references metric_definition (key) on delete restrict,
    week_start   date        not null,
    value_sum    numeric     not null,
    value_count  bigint      not null,
    -- the weekly mean as the pairs read it, computed once per change instead of on every read
    mean         float8      generated always as ((value_sum / value_count)::float8) stored,
    primary key (metric_key, week_start, prototype_id),
    constraint observation_weekly_count_check check (value_count > 0),
    constraint observation_weekly_monday_check check (extract(isodow from week_start) = 1)
);

create index observation_weekly_prototype on observation_weekly (prototype_id, metric_key, week_start);

-- Adds the new rows and subtracts the old ones per (prototype, metric, week) in one statement: weeks
-- left empty are deleted, existing ones updated, new ones inserted. Sorting the deltas keeps concurrent bulk loads from deadlocking.
-- On INSERT ... ON CONFLICT DO UPDATE PostgreSQL fires the INSERT trigger with the inserted rows and
-- the UPDATE trigger with the replaced ones (old and new value), so a replaced value is corrected.
create function observation_weekly_apply() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into observation_weekly as w (prototype_id, metric_key, week_start, value_sum, value_count)
        select prototype_id, metric_key, iso_week_start(observed_on), sum(value), count(*)
        from new_rows
        group by 1, 2, 3
        order by 2, 3, 1
        on conflict (metric_key, week_start, prototype_id) do update
            set value_sum = w.value_sum + excluded.value_sum,
                value_count = w.value_count + excluded.value_count;
    elsif tg_op = 'UPDATE' then
        with delta as (
            select prototype_id, metric_key, week_start, sum(delta_sum) as delta_sum, sum(delta_count) as delta_count
            from (select prototype_id, metric_key, iso_week_start(observed_on) as week_start,
                         value as delta_sum, 1 as delta_count
                  from new_rows
                  union all
                  select prototype_id, metric_key, iso_week_start(observed_on), -value, -1
                  from old_rows) changes
            group by 1, 2, 3
            having sum(delta_count) <> 0 or sum(delta_sum) <> 0),
        emptied as (
            delete from observation_weekly w
            using delta d
            where w.prototype_id = d.prototype_id and w.metric_key = d.metric_key
              and w.week_start = d.week_start and w.value_count + d.delta_count = 0
            returning w.prototype_id, w.metric_key, w.week_start),
        changed as (
            update observation_weekly w
            set value_sum = w.value_sum + d.delta_sum,
                value_count = w.value_count + d.delta_count
            from delta d
            where w.prototype_id = d.prototype_id and w.metric_key = d.metric_key
              and w.week_start = d.week_start and w.value_count + d.delta_count <> 0
            returning w.prototype_id, w.metric_key, w.week_start)
        -- what is left are weeks that did not exist (a day moved into a new week): always positive
        insert into observation_weekly as w (prototype_id, metric_key, week_start, value_sum, value_count)
        select d.prototype_id, d.metric_key, d.week_start, d.delta_sum, d.delta_count
        from delta d
        where d.delta_count > 0
          and not exists (select 1 from emptied e
                          where e.prototype_id = d.prototype_id and e.metric_key = d.metric_key
                            and e.week_start = d.week_start)
          and not exists (select 1 from changed c
                          where c.prototype_id = d.prototype_id and c.metric_key = d.metric_key
                            and c.week_start = d.week_start)
        order by 2, 3, 1
        on conflict (metric_key, week_start, prototype_id) do update
            set value_sum = w.value_sum + excluded.value_sum,
                value_count = w.value_count + excluded.value_count;
    else
        with delta as (
            select prototype_id, metric_key, iso_week_start(observed_on) as week_start,
                   -sum(value) as delta_sum, -count(*) as delta_count
            from old_rows
            group by 1, 2, 3),
        emptied as (
            delete from observation_weekly w
            using delta d
            where w.prototype_id = d.prototype_id and w.metric_key = d.metric_key
              and w.week_start = d.week_start and w.value_count + d.delta_count = 0
            returning w.prototype_id, w.metric_key, w.week_start),
        changed as (
            update observation_weekly w
            set value_sum = w.value_sum + d.delta_sum,
                value_count = w.value_count + d.delta_count
            from delta d
            where w.prototype_id = d.prototype_id and w.metric_key = d.metric_key
              and w.week_start = d.week_start and w.value_count + d.delta_count <> 0
            returning w.prototype_id, w.metric_key, w.week_start)
        -- what is left are weeks that did not exist (a day moved into a new week): always positive
        insert into observation_weekly as w (prototype_id, metric_key, week_start, value_sum, value_count)
        select d.prototype_id, d.metric_key, d.week_start, d.delta_sum, d.delta_count
        from delta d
        where d.delta_count > 0
          and not exists (select 1 from emptied e
                          where e.prototype_id = d.prototype_id and e.metric_key = d.metric_key
                            and e.week_start = d.week_start)
          and not exists (select 1 from changed c
                          where c.prototype_id = d.prototype_id and c.metric_key = d.metric_key
                            and c.week_start = d.week_start)
        order by 2, 3, 1
        on conflict (metric_key, week_start, prototype_id) do update
            set value_sum = w.value_sum + excluded.value_sum,
                value_count = w.value_count + excluded.value_count;
    end if;
    return null;
end
$$;

create trigger observation_weekly_on_insert
    after insert on observation referencing new table as new_rows
    for each statement execute function observation_weekly_apply();

create trigger observation_weekly_on_update
    after update on observation referencing old table as old_rows new table as new_rows
    for each statement execute function observation_weekly_apply();

create trigger observation_weekly_on_delete
    after delete on observation referencing old table as old_rows
    for each statement execute function observation_weekly_apply();

create function observation_weekly_truncate() returns trigger
    language plpgsql as
$$
begin
    truncate observation_weekly;
    return null;
end
$$;

create trigger observation_weekly_on_truncate
    after truncate on observation
    for each statement execute function observation_weekly_truncate();

-- Backfill what is already there.
insert into observation_weekly (prototype_id, metric_key, week_start, value_sum, value_count)
select prototype_id, metric_key, iso_week_start(observed_on), sum(value), count(*)
from observation
group by 1, 2, 3;
