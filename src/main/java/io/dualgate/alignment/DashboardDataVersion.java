package io.dualgate.alignment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the dashboard's figures depend on, read before they are computed: a data version
 * per scope (the committed sum of {@code dashboard_change} rows of that scope, which
 * triggers on every table the dashboard reads append in the writer's transaction, see V50
 * and V161: one scope per table, and one per metric for observations) and the next
 * instants at which a figure changes by time alone (an open gate becoming overdue, a
 * prototype entering the 12-month production cohort).
 * <p>
 * Each figure is cached under the sum of the versions of the scopes it reads (a sum of
 * positive weights only grows, so it moves with every change of one of them and never
 * otherwise) and the time boundary it depends on (see
 * {@link DashboardCacheConfiguration}): a new observation of one metric recomputes the
 * pairs of that metric and nothing else.
 */
@Component
class DashboardDataVersion {

	/** Compact the change log when it holds more rows than this. */
	static final int COMPACT_AFTER_ROWS = 1000;

	/**
	 * The scope of rows written before scopes existed: every figure depends on it.
	 */
	static final String ANY = "*";

	/** The scope of a metric's observations (moved by changes of its weekly rollups). */
	static String observations(String metricKey) {
		return "observation:" + metricKey;
	}

	/**
	 * Emptying the weekly rollups (a TRUNCATE of the observations) moves this scope:
	 * every figure that reads observations depends on it.
	 */
	static final String ALL_OBSERVATIONS = "observation_weekly";

	private final JdbcClient jdbc;

	private final Clock clock;

	DashboardDataVersion(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The data versions and until when time alone leaves the figures unchanged.
	 *
	 * @param versions the version of every scope that has one
	 * @param nextOverdue when the next open gate becomes overdue (or {@link Instant#MAX})
	 * @param nextCohort when the next prototype enters the 12-month cohort (or
	 * {@link Instant#MAX})
	 * @param logRows rows in the change log (not part of the state: compaction keeps the
	 * versions)
	 */
	record State(Map<String, Long> versions, Instant nextOverdue, Instant nextCohort, long logRows) {

		/** The version of all scopes together. */
		long version() {
			return this.versions.values().stream().mapToLong(Long::longValue).sum();
		}

		/** The first instant at which time alone changes some figure. */
		Instant validUntil() {
			return this.nextOverdue.isBefore(this.nextCohort) ? this.nextOverdue : this.nextCohort;
		}

		/**
		 * What a figure reading these scopes is filed under, valid until
		 * {@code validUntil}.
		 */
		DataState of(Collection<String> scopes, Instant validUntil) {
			long version = this.versions.getOrDefault(ANY, 0L);
			for (String scope : scopes) {
				version += this.versions.getOrDefault(scope, 0L);
			}
			return new DataState(version, validUntil);
		}

	}

	/**
	 * The part of the state that a figure depends on.
	 *
	 * @param version the sum of the versions of the scopes it reads
	 * @param validUntil the first instant at which time alone changes it
	 */
	record DataState(long version, Instant validUntil) {
	}

	/** The state now; folds the change log first when it grew long. */
	State current() {
		State state = state(this.clock.instant());
		if (state.logRows() > COMPACT_AFTER_ROWS) {
			compact();
		}
		return state;
	}

	State state(Instant now) {
		Map<String, Long> versions = new HashMap<>();
		long[] rows = new long[1];
		this.jdbc.sql("select scope, sum(weight), count(*) from dashboard_change group by scope")
			.query((java.sql.ResultSet rs) -> {
				versions.put(rs.getString(1), rs.getLong(2));
				rows[0] += rs.getLong(3);
			});
		return this.jdbc.sql("""
				select (select min(opened_at + sla_hours * interval '1 hour') from gate
				        where status = 'OPEN' and opened_at + sla_hours * interval '1 hour' > cast(:now as timestamptz))
				           as next_overdue,
				       (select min(created_at) + interval '12 months' from prototype
				        where created_at > cast(:now as timestamptz) - interval '12 months') as next_cohort""")
			.param("now", Timestamp.from(now))
			.query((rs, i) -> new State(Map.copyOf(versions), boundary(rs.getTimestamp("next_overdue"), now),
					boundary(rs.getTimestamp("next_cohort"), now), rows[0]))
			.single();
	}

	private static Instant boundary(Timestamp at, Instant now) {
		if (at == null) {
			return Instant.MAX;
		}
		// month arithmetic can land at or before now (month ends): look again at the next
		// whole minute (the same boundary for a minute, so the figures stay cached
		// meanwhile)
		return at.toInstant().isAfter(now) ? at.toInstant()
				: now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
	}

	/**
	 * Folds the change log into one row per scope of the same total weight, so reading
	 * the versions stays cheap.
	 */
	void compact() {
		this.jdbc.sql("""
				with old as (
				    delete from dashboard_change
				    where id < (select max(id) from dashboard_change) and pg_try_advisory_xact_lock(7050)
				    returning scope, weight)
				insert into dashboard_change (scope, weight) select scope, sum(weight) from old group by scope""")
			.update();
	}

}
