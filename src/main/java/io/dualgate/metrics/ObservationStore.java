package io.dualgate.metrics;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes validated observations in bulk, in one pass over the rows: each row is parsed,
 * validated and streamed through PostgreSQL COPY into a temporary staging table as it
 * arrives (nothing is collected in memory but the latest value per series, for the
 * events), then one statement merges the staging table into {@code observation}. Runs in
 * the caller's transaction, so a refused file leaves nothing behind.
 */
@Component
class ObservationStore {

	private static final Logger log = LoggerFactory.getLogger(ObservationStore.class);

	private static final int BUFFER_CHARS = 1 << 16;

	/** Imports at least this large log how long each phase took. */
	static final long LOG_TIMINGS_FROM_ROWS = 10_000;

	/**
	 * Memory for the merge's sorts and hashes (the weekly rollups' triggers aggregate
	 * every row of a statement): a million rows are aggregated in memory, not on disk.
	 */
	private static final String MERGE_WORK_MEM = "64MB";

	private final DataSource dataSource;

	ObservationStore(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Where rows come from; read once, front to back. */
	interface Rows {

		Iterator<RawObservation> open(List<CellError> errors);

	}

	/**
	 * Validates and stores every row, or none. The rows go through COPY into a staging
	 * table while they are read; then, if no row fell inside the dates a series already
	 * has, one plain {@code INSERT ... SELECT} adds them all (as cheap as COPY into the
	 * table itself), otherwise one {@code INSERT ... ON CONFLICT DO UPDATE} replaces the
	 * values of the days that exist.
	 * @return what was stored: the count and the observations to announce
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Stored store(Rows rows, ObservationValidator validator, boolean perSeriesEvents, ObservationSource source,
			Long recordedBy, Instant recordedAt) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		Timings timings = new Timings();
		try {
			Map<Key, LocalDate[]> existing = existingRanges(connection);
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table if exists observation_stage");
				// only what the merge and the report of duplicate lines need, no index
				statement.execute("create temp table observation_stage (prototype_id bigint, metric_key varchar(64),"
						+ " observed_on date, value numeric, line bigint) on commit drop");
			}
			timings.setup = timings.lap();
			Staged staged = copy(connection, rows, validator, perSeriesEvents, existing, timings);
			merge(connection, source, recordedBy, recordedAt, staged.mayReplace());
			timings.merge = timings.lap();
			if (staged.stored().count() >= LOG_TIMINGS_FROM_ROWS) {
				log.info("Stored {} observations ({}): setup {} ms, read and validate {} ms, COPY {} ms, {} {} ms",
						staged.stored().count(), staged.mayReplace() ? "some replace stored days" : "all new days",
						timings.setup, timings.readAndValidate / 1_000_000, timings.copy / 1_000_000,
						staged.mayReplace() ? "upsert" : "insert", timings.merge);
			}
			return staged.stored();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("storing observations failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Reads, validates and COPYs every row into the staging table with its line number;
	 * notes whether any row may replace a stored value.
	 */
	private static Staged copy(Connection connection, Rows source, ObservationValidator validator,
			boolean perSeriesEvents, Map<Key, LocalDate[]> existing, Timings timings) throws SQLException {
		List<CellError> errors = new ArrayList<>();
		long readStart = System.nanoTime();
		Iterator<RawObservation> rows = source.open(errors);
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy observation_stage from stdin");
		Map<Key, ObservationValidator.ValidObservation> latest = new LinkedHashMap<>();
		List<ObservationValidator.ValidObservation> all = new ArrayList<>();
		long errorCount = 0;
		long count = 0;
		boolean mayReplace = false;
		StringBuilder buffer = new StringBuilder(BUFFER_CHARS + 256);
		try {
			while (rows.hasNext()) {
				RawObservation raw = rows.next();
				int before = errors.size();
				ObservationValidator.ValidObservation valid = validator.validate(raw, errors);
				errorCount += errors.size() - before;
				if (errors.size() > ObservationsRejected.MAX_REPORTED) {
					errors.subList(ObservationsRejected.MAX_REPORTED, errors.size()).clear();
				}
				if (valid == null || !errors.isEmpty()) {
					continue; // keep reading to report every bad cell, but write nothing
								// more
				}
				mayReplace = mayReplace || mayExist(existing, valid);
				count++;
				latest.merge(new Key(valid.prototypeId(), valid.metricKey()), valid,
						(a, b) -> a.date().isAfter(b.date()) ? a : b);
				if (!perSeriesEvents) {
					all.add(valid);
				}
				buffer.append(valid.prototypeId())
					.append('\t')
					.append(valid.metricKey())
					.append('\t')
					.append(valid.date())
					.append('\t')
					.append(valid.value().toPlainString())
					.append('\t')
					.append(valid.line())
					.append('\n');
				if (buffer.length() >= BUFFER_CHARS) {
					long sending = System.nanoTime();
					flush(copy, buffer);
					timings.copy += System.nanoTime() - sending;
				}
			}
			errorCount = Math.max(errorCount, errors.size());
			if (!errors.isEmpty()) {
				copy.cancelCopy();
				throw ObservationsRejected.invalid(errors, errorCount);
			}
			long sending = System.nanoTime();
			flush(copy, buffer);
			copy.endCopy();
			timings.copy += System.nanoTime() - sending;
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
			if (rows instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					// nothing left to read
				}
			}
		}
		timings.readAndValidate = System.nanoTime() - readStart - timings.copy;
		timings.lap();
		return new Staged(new Stored(count, !perSeriesEvents ? all : new ArrayList<>(latest.values())), mayReplace);
	}

	/**
	 * The date range each (prototype, metric) series already covers, two index probes per
	 * series: a row outside its series' range cannot collide with a stored one.
	 */
	private static Map<Key, LocalDate[]> existingRanges(Connection connection) throws SQLException {
		Map<Key, LocalDate[]> ranges = new java.util.HashMap<>();
		try (Statement statement = connection.createStatement();
				var result = statement.executeQuery(
						"""
								select p.id, m.key,
								       (select min(o.observed_on) from observation o where o.prototype_id = p.id and o.metric_key = m.key),
								       (select max(o.observed_on) from observation o where o.prototype_id = p.id and o.metric_key = m.key)
								from prototype p cross join metric_definition m""")) {
			while (result.next()) {
				LocalDate min = result.getObject(3, LocalDate.class);
				if (min != null) {
					ranges.put(new Key(result.getLong(1), result.getString(2)),
							new LocalDate[] { min, result.getObject(4, LocalDate.class) });
				}
			}
		}
		return ranges;
	}

	private static boolean mayExist(Map<Key, LocalDate[]> existing, ObservationValidator.ValidObservation row) {
		LocalDate[] range = existing.get(new Key(row.prototypeId(), row.metricKey()));
		return range != null && !row.date().isBefore(range[0]) && !row.date().isAfter(range[1]);
	}

	private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
		if (buffer.isEmpty()) {
			return;
		}
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	/**
	 * One statement from the staging table into {@code observation}: a plain insert when
	 * no row can meet a stored day, an upsert otherwise. The same (prototype, metric,
	 * date) twice in one file is refused either way, naming the lines.
	 */
	private static void merge(Connection connection, ObservationSource source, Long recordedBy, Instant recordedAt,
			boolean mayReplace) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local work_mem = '" + MERGE_WORK_MEM + "'");
		}
		String insert = """
				insert into observation (prototype_id, metric_key, observed_on, value, source, recorded_by, recorded_at)
				select prototype_id, metric_key, observed_on, value, ?, ?, ? from observation_stage""";
		String upsert = insert + """

				on conflict (prototype_id, metric_key, observed_on) do update
				set value = excluded.value, source = excluded.source, recorded_by = excluded.recorded_by,
				    recorded_at = excluded.recorded_at""";
		Savepoint savepoint = connection.setSavepoint();
		try (var statement = connection.prepareStatement(mayReplace ? upsert : insert)) {
			statement.setString(1, source.name());
			statement.setObject(2, recordedBy);
			statement.setTimestamp(3, Timestamp.from(recordedAt));
			statement.executeUpdate();
			connection.releaseSavepoint(savepoint);
		}
		catch (SQLException ex) {
			// 21000 (upsert) or 23505 (insert): the same (prototype, metric, date) twice
			// in one import. Say which lines.
			if (!"21000".equals(ex.getSQLState()) && !"23505".equals(ex.getSQLState())) {
				throw ex;
			}
			connection.rollback(savepoint);
			ObservationsRejected duplicates = duplicates(connection);
			if (duplicates != null) {
				throw duplicates;
			}
			if (mayReplace) {
				throw ex;
			}
			// no line twice: another import stored some of these days meanwhile
			merge(connection, source, recordedBy, recordedAt, true);
		}
	}

	private static ObservationsRejected duplicates(Connection connection) throws SQLException {
		List<CellError> errors = new ArrayList<>();
		long total = 0;
		try (Statement statement = connection.createStatement(); var result = statement.executeQuery("""
				select line, first_line from (
				    select line, min(line) over (partition by prototype_id, metric_key, observed_on) as first_line
				    from observation_stage) s
				where line <> first_line order by line""")) {
			while (result.next()) {
				total++;
				if (errors.size() < ObservationsRejected.MAX_REPORTED) {
					errors.add(new CellError(result.getLong(1), "date", "observation.duplicate", result.getLong(2)));
				}
			}
		}
		return (total > 0) ? ObservationsRejected.invalid(errors, total) : null;
	}

	record Key(long prototypeId, String metricKey) {
	}

	record Stored(long count, List<ObservationValidator.ValidObservation> changed) {
	}

	private record Staged(Stored stored, boolean mayReplace) {
	}

	/**
	 * How long each phase of one import took (milliseconds, or nanoseconds where named).
	 */
	private static final class Timings {

		private long mark = System.nanoTime();

		long setup;

		long readAndValidate;

		long copy;

		long merge;

		/** Milliseconds since the last lap. */
		long lap() {
			long now = System.nanoTime();
			long millis = (now - this.mark) / 1_000_000;
			this.mark = now;
			return millis;
		}

	}

}
