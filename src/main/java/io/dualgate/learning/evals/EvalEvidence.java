package io.dualgate.learning.evals;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;

import io.dualgate.gate.ComputedEvidence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a checklist item reads from eval runs ({@code eval_pass_rate_pct} on a suite): the
 * pass rate of the suite's latest run no older than the item's window, with the number of
 * tests it ran. No run in the window: no data (the item fails).
 */
@Component
class EvalEvidence implements ComputedEvidence {

	static final String PASS_RATE = "eval_pass_rate_pct";

	private final JdbcClient jdbc;

	EvalEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean computes(String key) {
		return PASS_RATE.equals(key);
	}

	@Override
	public Optional<Reading> read(Query query) {
		return this.jdbc.sql("""
				select pass_rate_pct, passed + failed + errors, run_at from eval_run
				where prototype_id = :prototype and (cast(:suite as varchar) is null or suite = :suite)
				  and run_at > :from and run_at <= :at
				order by run_at desc, id desc limit 1""")
			.param("prototype", query.prototypeId())
			.param("suite", query.param())
			.param("from", Timestamp.from(query.at().minus(Duration.ofDays(query.windowDays()))))
			.param("at", Timestamp.from(query.at()))
			.query((rs, n) -> new Reading(rs.getBigDecimal(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
			.optional();
	}

}
