package io.dualgate.learning.autonomy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.dualgate.gate.ComputedEvidence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What computed checklist items read from human feedback: the acceptance rate and the
 * number of CRITICAL cases over the last M days, for one capability (an autonomy gate) or
 * the whole prototype (a stage gate), each with the number of cases it rests on.
 */
@Component
class FeedbackEvidence implements ComputedEvidence {

	static final String ACCEPTANCE = "human_acceptance_rate_pct";

	static final String CRITICAL = "human_critical_cases";

	private final JdbcClient jdbc;

	FeedbackEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean computes(String key) {
		return ACCEPTANCE.equals(key) || CRITICAL.equals(key);
	}

	@Override
	public Optional<Reading> read(Query query) {
		Instant from = query.at().minus(Duration.ofDays(query.windowDays()));
		return this.jdbc.sql("""
				select count(*), count(*) filter (where f.outcome = 'ACCEPTED'),
				       count(*) filter (where f.severity = 'CRITICAL'), max(f.occurred_at)
				from feedback_case f join capability c on c.id = f.capability_id
				where f.prototype_id = :prototype and (cast(:capability as varchar) is null or c.key = :capability)
				  and f.occurred_at > :from and f.occurred_at <= :at""")
			.param("prototype", query.prototypeId())
			.param("capability", query.capability())
			.param("from", Timestamp.from(from))
			.param("at", Timestamp.from(query.at()))
			.query((rs, n) -> {
				long cases = rs.getLong(1);
				if (cases == 0) {
					return null;
				}
				Instant latest = rs.getTimestamp(4).toInstant();
				BigDecimal value = ACCEPTANCE.equals(query.key())
						? BigDecimal.valueOf(rs.getLong(2) * 100L)
							.divide(BigDecimal.valueOf(cases), 2, RoundingMode.HALF_UP)
						: BigDecimal.valueOf(rs.getLong(3));
				return new Reading(value, cases, latest);
			})
			.optional();
	}

}
