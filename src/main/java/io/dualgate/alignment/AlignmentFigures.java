package io.dualgate.alignment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.dualgate.portfolio.Stage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's SQL: every aggregate is computed by PostgreSQL, from the weekly rollups
 * ({@code observation_weekly}) and the stage history, never by loops over loaded rows.
 */
@Repository
class AlignmentFigures {

	private final JdbcClient jdbc;

	AlignmentFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StatisticsRow(Long prototypeId, String key, String name, long n, Double r, Double rho, Double slope,
			Double intercept, Double rSquared) {
	}

	record PairPoint(String prototypeKey, LocalDate week, double technical, double business) {
	}

	record SeriesPoint(String metricKey, LocalDate week, double mean) {
	}

	record PrototypeRef(long id, String key, String name) {
	}

	/** What one pair's statement returns: statistics rows and the latest points. */
	record PairRows(List<StatisticsRow> statistics, List<PairPoint> points) {
	}

	/**
	 * Statistics for the portfolio (first, prototype id null) and per prototype (by key),
	 * and the latest {@code pointLimit} paired points, most recent week first.
	 */
	PairRows statistics(PairDefinition pair, AlignmentFilter filter, int pointLimit) {
		List<StatisticsRow> statistics = new ArrayList<>();
		List<PairPoint> points = new ArrayList<>();
		bind(this.jdbc.sql(PairedWeeksSql.statisticsAndPoints(pair)), pair, filter).param("limit", pointLimit)
			.query((ResultSet rs) -> {
				if ("S".equals(rs.getString("row_kind"))) {
					statistics.add(new StatisticsRow(rs.getObject("prototype_id", Long.class), rs.getString("key"),
							rs.getString("name"), rs.getLong("n"), nullable(rs, "r"), nullable(rs, "rho"),
							nullable(rs, "slope"), nullable(rs, "intercept"), nullable(rs, "r2")));
				}
				else {
					points.add(new PairPoint(rs.getString("key"), rs.getDate("week").toLocalDate(), rs.getDouble("x"),
							rs.getDouble("y")));
				}
			});
		statistics.sort(Comparator.comparing((StatisticsRow row) -> row.prototypeId() != null)
			.thenComparing(StatisticsRow::key, Comparator.nullsFirst(Comparator.naturalOrder())));
		points.sort(Comparator.comparing(PairPoint::week).reversed().thenComparing(PairPoint::prototypeKey));
		return new PairRows(statistics, points);
	}

	/** All paired points, streamed (CSV export). */
	void eachPoint(PairDefinition pair, AlignmentFilter filter, Consumer<PairPoint> consumer) {
		bind(this.jdbc.sql(PairedWeeksSql.points(pair)), pair, filter).query((ResultSet rs) -> {
			consumer.accept(point(rs));
		});
	}

	List<SeriesPoint> weeklyMeans(long prototypeId, List<String> metricKeys, AlignmentFilter filter) {
		if (metricKeys.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select metric_key, week_start, (value_sum / value_count)::float8 as mean
				from observation_weekly
				where prototype_id = :prototype and metric_key in (:metrics) and week_start between :from and :to
				order by metric_key, week_start""")
			.param("prototype", prototypeId)
			.param("metrics", metricKeys)
			.param("from", Date.valueOf(filter.firstWeek().minusWeeks(filter.lagWeeks())))
			.param("to", Date.valueOf(filter.lastWeek()))
			.query((rs, i) -> new SeriesPoint(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDouble(3)))
			.list();
	}

	List<PrototypeRef> prototypes(AlignmentFilter filter) {
		return this.jdbc.sql("""
				select id, key, name from prototype
				where (cast(:vertical as varchar) is null or vertical = cast(:vertical as varchar))
				  and (cast(:stage as varchar) is null or stage = cast(:stage as varchar))
				order by key""")
			.param("vertical", filter.vertical())
			.param("stage", (filter.stage() != null) ? filter.stage().name() : null)
			.query((rs, i) -> new PrototypeRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	List<String> verticals() {
		return this.jdbc.sql("select distinct vertical from prototype order by vertical").query(String.class).list();
	}

	List<String> metricKeys() {
		return this.jdbc.sql("select key from metric_definition order by key").query(String.class).list();
	}

	/**
	 * Counts per current stage and per stage ever reached, the 12-month production cohort
	 * and the median weeks from registration (entering PROTOTYPE) to POC.
	 */
	PortfolioFlow flow(AlignmentFilter filter, Instant now) {
		String base = """
				with base as (
				    select id, stage, created_at from prototype
				    where (cast(:vertical as varchar) is null or vertical = cast(:vertical as varchar))
				      and (cast(:stage as varchar) is null or stage = cast(:stage as varchar)))
				""";
		Map<Stage, Long> current = new EnumMap<>(Stage.class);
		Map<Stage, Long> reached = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			current.put(stage, 0L);
			reached.put(stage, 0L);
		}
		flowQuery(base + "select stage, count(*) from base group by stage", filter, now).query((ResultSet rs) -> {
			current.put(Stage.valueOf(rs.getString(1)), rs.getLong(2));
		});
		flowQuery(base + """
				select sc.to_stage, count(distinct sc.prototype_id)
				from stage_change sc join base b on b.id = sc.prototype_id
				group by sc.to_stage""", filter, now).query((ResultSet rs) -> {
			reached.put(Stage.valueOf(rs.getString(1)), rs.getLong(2));
		});
		List<Long> cohort = new ArrayList<>();
		flowQuery(base + """
				select count(*) filter (where b.created_at <= cast(:now as timestamptz) - interval '12 months'),
				       count(*) filter (where b.created_at <= cast(:now as timestamptz) - interval '12 months'
				                          and prod.changed_at <= b.created_at + interval '12 months')
				from base b
				left join stage_change prod on prod.prototype_id = b.id and prod.to_stage = 'PRODUCTION'""", filter,
				now)
			.query((ResultSet rs) -> {
				cohort.add(rs.getLong(1));
				cohort.add(rs.getLong(2));
			});
		List<Object[]> median = flowQuery(base + """
				select percentile_cont(0.5) within group (
				           order by extract(epoch from poc.changed_at - reg.changed_at) / 604800.0),
				       count(*)
				from base b
				join stage_change reg on reg.prototype_id = b.id and reg.to_stage = 'PROTOTYPE'
				join stage_change poc on poc.prototype_id = b.id and poc.to_stage = 'POC'""", filter, now)
			.query((rs, i) -> new Object[] { nullable(rs, 1), rs.getLong(2) })
			.list();
		Double medianWeeks = (Double) median.get(0)[0];
		long medianN = (Long) median.get(0)[1];
		return PortfolioFlow.of(current, reached, cohort.get(0), cohort.get(1), medianWeeks, medianN);
	}

	private JdbcClient.StatementSpec flowQuery(String sql, AlignmentFilter filter, Instant now) {
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql)
			.param("vertical", filter.vertical())
			.param("stage", (filter.stage() != null) ? filter.stage().name() : null);
		if (sql.contains(":now")) {
			spec = spec.param("now", Timestamp.from(now));
		}
		return spec;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, PairDefinition pair,
			AlignmentFilter filter) {
		LocalDate businessFrom = filter.firstWeek();
		LocalDate businessTo = filter.lastWeek();
		return spec.param("techMetric", pair.technicalMetric())
			.param("businessMetric", pair.businessMetric())
			.param("techFrom", Date.valueOf(businessFrom.minusWeeks(filter.lagWeeks())))
			.param("techTo", Date.valueOf(businessTo.minusWeeks(filter.lagWeeks())))
			.param("businessFrom", Date.valueOf(businessFrom))
			.param("businessTo", Date.valueOf(businessTo))
			.param("lagDays", filter.lagWeeks() * 7)
			.param("vertical", filter.vertical())
			.param("stage", (filter.stage() != null) ? filter.stage().name() : null);
	}

	private static PairPoint point(ResultSet rs) throws SQLException {
		return new PairPoint(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDouble(3), rs.getDouble(4));
	}

	private static Double nullable(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static Double nullable(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
