package io.dualgate.alignment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computed dashboard figures, kept while nothing they depend on changed. Two things
 * invalidate an entry: the data version (the committed sum of {@code dashboard_change},
 * which triggers on every table the dashboard reads append to in the writer's
 * transaction, see V50) moving on, and time reaching the next instant at which a figure
 * changes by itself (an open gate becoming overdue, a prototype entering the 12-month
 * production cohort). The version is read BEFORE computing, so an entry is never older
 * than the version it is filed under; a change committed meanwhile moves the version on
 * and the next request recomputes. Concurrent requests for the same figures share one
 * computation.
 */
@Component
class DashboardCache {

	/**
	 * Entries kept at most; filters are few in practice (one per combination people
	 * click).
	 */
	static final int MAX_ENTRIES = 256;

	/** Compact the change log when it holds more rows than this. */
	static final int COMPACT_AFTER_ROWS = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

	DashboardCache(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The data version and until when time alone leaves the figures unchanged. */
	record State(long version, Instant validUntil, long logRows) {
	}

	private record Entry(long version, Instant validUntil, CompletableFuture<Object> value) {
	}

	@SuppressWarnings("unchecked")
	<T> T get(Object key, Supplier<T> compute) {
		Instant now = this.clock.instant();
		State state = state(now);
		Entry entry = this.entries.get(key);
		if (entry == null || entry.version() != state.version() || !now.isBefore(entry.validUntil())) {
			Entry fresh = new Entry(state.version(), state.validUntil(), new CompletableFuture<>());
			Entry current = this.entries.compute(key,
					(k, old) -> (old != null && old.version() == state.version() && now.isBefore(old.validUntil()))
							? old : fresh);
			if (current == fresh) {
				evictIfFull(state.version());
				try {
					fresh.value().complete(compute.get());
				}
				catch (RuntimeException | Error ex) {
					this.entries.remove(key, fresh);
					fresh.value().completeExceptionally(ex);
				}
				if (state.logRows() > COMPACT_AFTER_ROWS) {
					compact();
				}
			}
			entry = current;
		}
		try {
			return (T) entry.value().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
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
						// again soon
						Instant boundary = at.toInstant().isAfter(now) ? at.toInstant()
								: now.plus(Duration.ofMinutes(1));
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

	private void evictIfFull(long version) {
		if (this.entries.size() > MAX_ENTRIES) {
			this.entries.values().removeIf((entry) -> entry.version() != version);
			if (this.entries.size() > MAX_ENTRIES) {
				this.entries.clear();
			}
		}
	}

	void clear() {
		this.entries.clear();
	}

}
