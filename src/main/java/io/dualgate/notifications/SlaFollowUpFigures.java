package io.dualgate.notifications;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the SLA follow-ups did, for the dashboard: of the gates opened in a window, how
 * many were reminded and escalated, and how long those decided after a reminder took
 * (median hours from opening to decision). Computed in PostgreSQL.
 */
@Service
@Transactional(readOnly = true)
public class SlaFollowUpFigures {

	private final JdbcClient jdbc;

	SlaFollowUpFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param reminded gates that got their 75 % reminder
	 * @param overdue gates that passed their SLA while open
	 * @param escalated gates escalated at 125 %
	 * @param decidedAfterReminder gates decided after their reminder
	 * @param medianHoursAfterReminder median hours from opening to decision of those
	 * (null when there are none)
	 */
	public record Figures(long reminded, long overdue, long escalated, long decidedAfterReminder,
			Double medianHoursAfterReminder) {
	}

	public Figures between(Instant from, Instant to) {
		return this.jdbc.sql("""
				select count(reminded_at), count(overdue_at), count(escalated_at),
				       count(*) filter (where decided_at > reminded_at),
				       percentile_cont(0.5) within group (order by extract(epoch from decided_at - opened_at) / 3600.0)
				           filter (where decided_at > reminded_at)
				from sla_follow_up where opened_at >= ? and opened_at < ?""")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					(Double) rs.getObject(5)))
			.single();
	}

}
