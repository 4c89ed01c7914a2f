package io.dualgate.metrics;

import java.io.IOException;
import java.math.BigDecimal;
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
 * Writes validated observations in bulk: rows stream through PostgreSQL COPY into a temporary
 * staging table, then one {@code INSERT ... ON CONFLICT DO UPDATE} upserts them all. Runs in the
 * caller's transaction, so a refused file leaves nothing behind.
 */
@Component
class ObservationStore {

	private static final int BUFFER_CHARS = 1 << 16;

	private final DataSource dataSource;

	ObservationStore(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Validates and stores every row, or none.
	 * @return what was stored: the count and the latest row per (prototype, metric)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Stored store(Iterator<RawObservation> rows, ObservationValidator validator, List<CellError> errors,
			boolean perSeriesEvents, ObservationSource source, Long recordedBy, Instant recordedAt) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table if exists observation_stage");
				statement.execute("create temp table observation_stage (prototype_id bigint, metric_key varchar(64),"
						+ " observed_on date, value numeric, line bigint) on commit drop");
			}
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy observation_stage from stdin");
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
						continue; // keep reading to report every bad cell, but write nothing more
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
						.append(valid.value().toPlainString())
						.append('\t')
						.append(valid.line())
						.append('\n');
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
			}
			upsert(connection, source, recordedBy, recordedAt);
			List<ObservationValidator.ValidObservation> changed = !perSeriesEvents ? all
					: new ArrayList<>(latest.values());
			return new Stored(count, changed);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("storing observations failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
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

	private static void upsert(Connection connection, ObservationSource source, Long recordedBy,
			Instant recordedAt) throws SQLException {
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
			// 21000: the same (prototype, metric, date) twice in one import. Say which lines.
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
