package io.dualgate.learning.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Feedback cases in PostgreSQL, and the daily figures aggregated from them there.
 */
@Component
class FeedbackStore {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	FeedbackStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** The stored cases among these ids, by id. */
	Map<String, FeedbackCase> existing(long prototypeId, Collection<String> caseIds) {
		Map<String, FeedbackCase> found = new HashMap<>();
		List<String> ids = new ArrayList<>(caseIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			this.jdbc
				.sql("""
						select f.case_id, f.capability_id, c.key, f.outcome, f.severity, f.reviewer, f.comment, f.occurred_at
						from feedback_case f join capability c on c.id = f.capability_id
						where f.prototype_id = :prototype and f.case_id in (:ids)""")
				.param("prototype", prototypeId)
				.param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
				.query((rs, n) -> new FeedbackCase(-1, rs.getString(1), rs.getLong(2), rs.getString(3),
						Outcome.valueOf(rs.getString(4)), Severity.valueOf(rs.getString(5)), rs.getString(6),
						rs.getString(7), rs.getTimestamp(8).toInstant()))
				.list()
				.forEach((c) -> found.put(c.caseId(), c));
		}
		return found;
	}

	void insert(long prototypeId, List<FeedbackCase> cases, Instant receivedAt, Long recordedBy) {
		Timestamp received = Timestamp.from(receivedAt);
		this.template.batchUpdate("""
				insert into feedback_case (prototype_id, case_id, capability_id, outcome, severity, reviewer, comment,
				    occurred_at, received_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", cases, 500,
				(ps, c) -> {
					ps.setLong(1, prototypeId);
					ps.setString(2, c.caseId());
					ps.setLong(3, c.capabilityId());
					ps.setString(4, c.outcome().name());
					ps.setString(5, c.severity().name());
					ps.setString(6, c.reviewer());
					ps.setString(7, c.comment());
					ps.setTimestamp(8, Timestamp.from(c.occurredAt()));
					ps.setTimestamp(9, received);
					ps.setObject(10, recordedBy);
				});
	}

	/**
	 * The figures of each day from {@code from} to {@code to}, per capability and in all.
	 */
	List<FeedbackDay> days(long prototypeId, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select case when grouping(c.key) = 1 then null else c.key end,
				       (f.occurred_at at time zone 'UTC')::date,
				       count(*),
				       count(*) filter (where f.outcome = 'ACCEPTED'),
				       count(*) filter (where f.outcome = 'EDITED'),
				       count(*) filter (where f.outcome = 'REJECTED'),
				       count(*) filter (where f.severity = 'CRITICAL')
				from feedback_case f join capability c on c.id = f.capability_id
				where f.prototype_id = ? and f.occurred_at >= ? and f.occurred_at < ?
				group by grouping sets ((c.key, (f.occurred_at at time zone 'UTC')::date),
				                        ((f.occurred_at at time zone 'UTC')::date))""")
			.params(prototypeId, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
					Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query((rs, n) -> new FeedbackDay(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	/** One capability's days from {@code from} on, oldest first (the trend). */
	List<FeedbackDay> capabilityDays(long capabilityId, String capability, LocalDate from) {
		return this.jdbc.sql("""
				select (occurred_at at time zone 'UTC')::date as day, count(*),
				       count(*) filter (where outcome = 'ACCEPTED'), count(*) filter (where outcome = 'EDITED'),
				       count(*) filter (where outcome = 'REJECTED'), count(*) filter (where severity = 'CRITICAL')
				from feedback_case where capability_id = ? and occurred_at >= ?
				group by day order by day""")
			.params(capabilityId, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query((rs, n) -> new FeedbackDay(capability, rs.getObject(1, LocalDate.class), rs.getLong(2),
					rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.list();
	}

	List<FeedbackCaseView> latest(long capabilityId, int limit) {
		return this.jdbc.sql("""
				select case_id, outcome, severity, reviewer, comment, occurred_at, received_at from feedback_case
				where capability_id = ? order by occurred_at desc, case_id desc limit ?""")
			.params(capabilityId, limit)
			.query((rs, n) -> new FeedbackCaseView(rs.getString(1), Outcome.valueOf(rs.getString(2)),
					Severity.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
					rs.getTimestamp(7).toInstant()))
			.list();
	}

	long count(long capabilityId) {
		return this.jdbc.sql("select count(*) from feedback_case where capability_id = ?")
			.param(capabilityId)
			.query(Long.class)
			.single();
	}

}
