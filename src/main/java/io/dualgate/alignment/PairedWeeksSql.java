package io.dualgate.alignment;

/**
 * Builds the SQL that pairs a prototype's technical week {@code w - lag} with its
 * business week {@code w} from the weekly rollups. Only enum-derived fragments are
 * spliced in; every value is a bind parameter.
 */
final class PairedWeeksSql {

	private PairedWeeksSql() {
	}

	/**
	 * A CTE list ending in {@code paired(prototype_id, week_start, x, y)}. Parameters:
	 * techMetric, businessMetric, techFrom, techTo, businessFrom, businessTo, lagDays,
	 * vertical, stage.
	 */
	static String paired(PairDefinition pair) {
		return "with tech as (" + series(pair.technicalTransform(), "techMetric", "techFrom", "techTo") + "),\n"
				+ " business as (" + series(pair.businessTransform(), "businessMetric", "businessFrom", "businessTo")
				+ "),\n" + " paired as (select t.prototype_id, b.week_start, t.v as x, b.v as y from tech t"
				+ " join business b on b.prototype_id = t.prototype_id and b.week_start = t.week_start + :lagDays"
				+ " join prototype p on p.id = t.prototype_id"
				+ " where (cast(:vertical as varchar) is null or p.vertical = cast(:vertical as varchar))"
				+ " and (cast(:stage as varchar) is null or p.stage = cast(:stage as varchar)))\n";
	}

	private static String series(Transform transform, String metric, String from, String to) {
		String current = "c.mean";
		String previous = "pv.mean";
		String value = switch (transform) {
			case LEVEL -> current;
			case GAIN -> current + " - " + previous;
			case REDUCTION -> previous + " - " + current;
		};
		String join = (transform == Transform.LEVEL) ? ""
				: " join observation_weekly pv on pv.metric_key = c.metric_key and pv.prototype_id = c.prototype_id"
						+ " and pv.week_start = c.week_start - 7";
		return "select c.prototype_id, c.week_start, " + value + " as v from observation_weekly c" + join
				+ " where c.metric_key = :" + metric + " and c.week_start between :" + from + " and :" + to;
	}

	/**
	 * One statement for a pair: statistics rows (row_kind 'S': the portfolio with
	 * prototype_id null, then one per prototype: n, Pearson r, Spearman rho on average
	 * ranks so that ties share the mean of their ranks, slope, intercept, R²) and the
	 * latest {@code :limit} paired points (row_kind 'P'), so the paired weeks are
	 * computed once. Ranks are float8 to keep the sorts cheap.
	 */
	static String statisticsAndPoints(PairDefinition pair) {
		return paired(pair) + ", ranked as (select prototype_id, x, y,"
				+ " rank() over (order by x)::float8 + (count(*) over (partition by x) - 1) * 0.5::float8 as rx_all,"
				+ " rank() over (order by y)::float8 + (count(*) over (partition by y) - 1) * 0.5::float8 as ry_all,"
				+ " rank() over (partition by prototype_id order by x)::float8"
				+ " + (count(*) over (partition by prototype_id, x) - 1) * 0.5::float8 as rx_one,"
				+ " rank() over (partition by prototype_id order by y)::float8"
				+ " + (count(*) over (partition by prototype_id, y) - 1) * 0.5::float8 as ry_one from paired),\n"
				+ " stats as (select case when grouping(prototype_id) = 1 then null else prototype_id end as prototype_id,"
				+ " count(*) as n, corr(y, x) as r,"
				+ " case when grouping(prototype_id) = 1 then corr(ry_all, rx_all) else corr(ry_one, rx_one) end as rho,"
				+ " regr_slope(y, x) as slope, regr_intercept(y, x) as intercept, regr_r2(y, x) as r2"
				+ " from ranked group by grouping sets ((), (prototype_id)))\n"
				+ "select 'S' as row_kind, s.prototype_id, p.key, p.name, s.n, s.r, s.rho, s.slope, s.intercept, s.r2,"
				+ " null::date as week, null::float8 as x, null::float8 as y"
				+ " from stats s left join prototype p on p.id = s.prototype_id\n" + "union all\n"
				+ "(select 'P', null, p.key, null, null, null, null, null, null, null, q.week_start, q.x, q.y"
				+ " from paired q join prototype p on p.id = q.prototype_id"
				+ " order by q.week_start desc, p.key limit :limit)";
	}

	/** The paired points with the prototype's key, in a stable order. */
	static String points(PairDefinition pair) {
		return paired(pair) + "select p.key, paired.week_start, paired.x, paired.y from paired"
				+ " join prototype p on p.id = paired.prototype_id order by paired.week_start desc, p.key";
	}

}
