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
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes validated observations in bulk: rows stream through PostgreSQL COPY into a
 * temporary staging table, then one {@code INSERT ... ON CONFLICT DO UPDATE} upserts them
 * all. Runs in the caller's transaction, so a refused file leaves nothing behind.
 */
@Component
class ObservationStore {

	private static final int BUFFER_CHARS = 1 << 16;

	private final DataSource dataSource;

	ObservationStore(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Where rows come from; {@link #open} may be called twice (the fast path may need to
	 * fall back), each time reading from the start.
	 */
	interface Rows {

		Iterator<RawObservation> open(List<CellError> errors);

	}

	/**
	 * Validates and stores every row, or none. Fast path: rows stream through COPY
	 * straight into {@code observation}, as fast as {@code psql \copy}. If any row
	 * already exists (or appears twice) that COPY fails on the primary key; it is rolled
	 * back to a savepoint and the rows go through COPY into a staging table and one
	 * {@code INSERT ... ON CONFLICT DO UPDATE} instead.
	 * @return what was stored: the count and the observations to announce
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Stored store(Rows rows, ObservationValidator validator, boolean perSeriesEvents, ObservationSource source,
			Long recordedBy, Instant recordedAt) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			String tail = "\t" + source.name() + "\t" + ((recordedBy != null) ? recordedBy : "\\N") + "\t"
					+ Timestamp.from(recordedAt).toInstant() + "\n";
			Map<Key, LocalDate[]> existing = existingRanges(connection);
			Savepoint direct = connection.setSavepoint();
			try {
				Stored stored = copy(connection, rows, validator, perSeriesEvents, existing,
						"copy observation (prototype_id, metric_key, observed_on, value, source, recorded_by,"
								+ " recorded_at) from stdin",
						tail);
				connection.releaseSavepoint(direct);
				return stored;
			}
			catch (PossibleConflict ex) {
				connection.rollback(direct);
			}
			catch (SQLException ex) {
				// 23505: some rows exist already (or twice in the file): upsert instead.
				if (!"23505".equals(ex.getSQLState())) {
					throw ex;
				}
				connection.rollback(direct);
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table if exists observation_stage");
				statement.execute("create temp table observation_stage (prototype_id bigint, metric_key varchar(64),"
						+ " observed_on date, value numeric, line bigint) on commit drop");
			}
			Stored stored = copy(connection, rows, validator, perSeriesEvents, null,
					"copy observation_stage from stdin", null);
			upsert(connection, source, recordedBy, recordedAt);
			return stored;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("storing observations failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Reads, validates and COPYs every row. With a {@code tail} the rows go to
	 * {@code observation} itself (the tail adds source, recorder and time); without, to
	 * the staging table with their line numbers.
	 */
	private static Stored copy(Connection connection, Rows source, ObservationValidator validator,
			boolean perSeriesEvents, Map<Key, LocalDate[]> existing, String copySql, String tail) throws SQLException {
		List<CellError> errors = new ArrayList<>();
		Iterator<RawObservation> rows = source.open(errors);
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
		Map<Key, ObservationValidator.ValidObservation> latest = new LinkedHashMap<>();
		List<ObservationValidator.ValidObservation> all = new ArrayList<>();
		long errorCount = 0;
		long count = 0;
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
				if (existing != null && mayExist(existing, valid)) {
					copy.cancelCopy();
					throw new PossibleConflict();
				}
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
					.append(valid.value().toPlainString());
				if (tail != null) {
					buffer.append(tail);
				}
				else {
					buffer.append('\t').append(valid.line()).append('\n');
				}
				if (buffer.length() >= BUFFER_CHARS) {
					flush(copy, buffer);
				}
			}
			errorCount = Math.max(errorCount, errors.size());
			if (!errors.isEmpty()) {
				copy.cancelCopy();
				throw ObservationsRejected.invalid(errors, errorCount);
			}
			flush(copy, buffer);
			copy.endCopy();
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
		return new Stored(count, !perSeriesEvents ? all : new ArrayList<>(latest.values()));
	}

	/**
	 * The date range each (prototype, metric) series already covers, two index probes per
	 * series: a row outside its series' range cannot collide, so the fast path can go
	 * ahead; a row inside may replace a value, so the import switches to the upsert at
	 * once.
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

	/** The fast path gives way to the upsert. */
	private static final class PossibleConflict extends RuntimeException {

		PossibleConflict() {
			super(null, null, false, false);
		}

	}

	private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
		if (buffer.isEmpty()) {
			return;
		}
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	private static void upsert(Connection connection, ObservationSource source, Long recordedBy, Instant recordedAt)
			throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try (var insert = connection.prepareStatement("""
				insert into observation (prototype_id, metric_key, observed_on, value, source, recorded_by, recorded_at)
				select prototype_id, metric_key, observed_on, value, ?, ?, ? from observation_stage
				on conflict (prototype_id, metric_key, observed_on) do update
				set value = excluded.value, source = excluded.source, recorded_by = excluded.recorded_by,
				    recorded_at = excluded.recorded_at""")) {
			insert.setString(1, source.name());
			insert.setObject(2, recordedBy);
			insert.setTimestamp(3, Timestamp.from(recordedAt));
			insert.executeUpdate();
			connection.releaseSavepoint(savepoint);
		}
		catch (SQLException ex) {
			// 21000: the same (prototype, metric, date) twice in one import. Say which
			// lines.
			if (!"21000".equals(ex.getSQLState())) {
				throw ex;
			}
			connection.rollback(savepoint);
			throw duplicates(connection);
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
		return ObservationsRejected.invalid(errors, total);
	}

	record Key(long prototypeId, String metricKey) {
	}

	record Stored(long count, List<ObservationValidator.ValidObservation> changed) {
	}

}
