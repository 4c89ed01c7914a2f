-- One pair's weekly-paired correlation computed straight from the raw daily observations (no
-- rollups): benchmark_score vs task_completion_rate_pct, same ISO week, all prototypes.
-- :window_clause restricts the days (empty = the whole history).
with weekly as (
    select prototype_id, metric_key, iso_week_start(observed_on) as week_start, avg(value)::float8 as mean
    from observation
    where metric_key in ('benchmark_score', 'task_completion_rate_pct') :window_clause
    group by 1, 2, 3)
select count(*) as n, corr(b.mean, t.mean) as r, regr_slope(b.mean, t.mean) as slope
from weekly t
join weekly b on b.prototype_id = t.prototype_id and b.week_start = t.week_start
where t.metric_key = 'benchmark_score' and b.metric_key = 'task_completion_rate_pct';
