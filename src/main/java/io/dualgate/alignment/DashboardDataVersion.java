package io.dualgate.alignment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the dashboard's figures depend on, read before they are computed: the data version
 * (the committed sum of {@code dashboard_change}, which triggers on every table the
 * dashboard reads append to in the writer's transaction, see V50) and the next instant at
 * which a figure changes by time alone (an open gate becoming overdue, a prototype
 * entering the 12-month production cohort). Figures are cached under this state (see
 * {@link DashboardCacheConfiguration}): a change committed while they were computed moves
 * the version on, and the next request computes again.
 */
@Component
class DashboardDataVersion {

	/** Compact the change log when it holds more rows than this. */
	static final int COMPACT_AFTER_ROWS = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	DashboardDataVersion(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The data version and until when time alone leaves the figures unchanged.
	 *
	 * @param logRows rows in the change log (not part of the state: compaction keeps the
	 * version)
	 */
	record State(long version, Instant validUntil, long logRows) {

		/** What cached figures are filed under. */
		DataState key() {
			return new DataState(this.version, this.validUntil);
		}

	}

	/**
	 * The part of the state that figures depend on.
	 *
	 * @param version the data version
	 * @param validUntil the first instant at which time alone changes a figure
	 */
	record DataState(long version, Instant validUntil) {
	}

	/** The state now; folds the change log first when it grew long. */
	DataState current() {
		State state = state(this.clock.instant());
		if (state.logRows() > COMPACT_AFTER_ROWS) {
			compact();
		}
		return state.key();
	}

	State state(Instant now) {
		return this.jdbc.sql("""
				select (select sum(weight) from dashboard_change) as version,
				       (select count(*) from dashboard_change) as log_rows,
				       (select min(opened_at + sla_hours * interval '1 hour') from gate
				        where status = 'OPEN' and opened_at + sla_hours * interval '1 hour' > cast(:now as timestamptz))
				           as next_overdue,
				       (select min(created_at) + interval '12 months' from prototype
				        where created_at > cast(:now as timestamptz) - interval '12 months') as next_cohort""")
			.param("now", Timestamp.from(now))
			.query((rs, i) -> {
				Instant validUntil = Instant.MAX;
				for (String column : new String[] { "next_overdue", "next_cohort" }) {
					Timestamp at = rs.getTimestamp(column);
					if (at != null) {
						// month arithmetic can land at or before now (month ends): look
						// again at the next whole minute (the same boundary for a minute,
						// so the figures stay cached meanwhile)
						Instant boundary = at.toInstant().isAfter(now) ? at.toInstant()
								: now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
						validUntil = boundary.isBefore(validUntil) ? boundary : validUntil;
					}
				}
				return new State(rs.getLong("version"), validUntil, rs.getLong("log_rows"));
			})
			.single();
	}

	/**
	 * Folds the change log into one row of the same total weight, so reading the version
	 * stays cheap.
	 */
	void compact() {
		this.jdbc.sql("""
				with old as (
				    delete from dashboard_change
				    where id < (select max(id) from dashboard_change) and pg_try_advisory_xact_lock(7050)
				    returning weight)
				insert into dashboard_change (weight) select sum(weight) from old having count(*) > 0""").update();
	}

}
