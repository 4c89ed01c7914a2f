package io.dualgate.learning.evals;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.dualgate.audit.AuditLog;
import io.dualgate.gate.Gates;
import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.metrics.Metrics;
import io.dualgate.metrics.ObservationSource;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.InvalidFieldException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Eval results from CI as evidence: each run of a suite is kept, its pass rate becomes an
 * observation of {@code eval_pass_rate_pct}, and the open gates' items computed from eval
 * runs judge it in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class Evals {

	static final Pattern SUITE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

	static final Pattern COMMIT = Pattern.compile("^[A-Za-z0-9._/-]{1,64}$");

	private final JdbcClient jdbc;

	private final LearningAccess access;

	private final Metrics metrics;

	private final Gates gates;

	private final AuditLog auditLog;

	private final Clock clock;

	Evals(JdbcClient jdbc, LearningAccess access, Metrics metrics, Gates gates, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.metrics = metrics;
		this.gates = gates;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** What a post did: the run, and whether it was new (false: recorded before). */
	public record Recorded(EvalRunView run, boolean created) {
	}

	@Transactional
	public Recorded record(String prototypeKey, EvalRun run, AuthenticatedUser by) {
		PrototypeView prototype = this.access.writable(prototypeKey, by);
		return record(prototype, run, (by != null) ? by.id() : null);
	}

	@Transactional
	public Recorded record(PrototypeView prototype, EvalRun run, Long recordedBy) {
		if (!SUITE.matcher(run.suite()).matches()) {
			throw new InvalidFieldException("suite", "eval.suite.invalid", Json.excerpt(run.suite()));
		}
		if (run.commit() != null && !COMMIT.matcher(run.commit()).matches()) {
			throw new InvalidFieldException("commit", "eval.commit.invalid", Json.excerpt(run.commit()));
		}
		Instant now = this.clock.instant();
		if (run.runAt().isAfter(now.plusSeconds(300))) {
			throw new InvalidFieldException("run_at", "feedback.occurredAt.future", run.runAt().toString());
		}
		if (run.runAt().isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
			throw new InvalidFieldException("run_at", "feedback.occurredAt.tooOld", run.runAt().toString());
		}
		if (run.evalId() != null) {
			Optional<EvalRunView> earlier = runs(prototype.id(), "and r.suite = ? and r.eval_id = ?", run.suite(),
					run.evalId())
				.stream()
				.findFirst();
			if (earlier.isPresent()) {
				EvalRunView held = earlier.get();
				if (held.passed() == run.passed() && held.failed() == run.failed() && held.errors() == run.errors()) {
					return new Recorded(held, false);
				}
				throw new ConflictException("eval.duplicate", Json.excerpt(run.evalId()), held.passed(), held.failed(),
						run.passed(), run.failed());
			}
		}
		BigDecimal rate = run.passRatePct();
		long id = this.jdbc.sql("""
				insert into eval_run (prototype_id, suite, passed, failed, errors, pass_rate_pct, run_at, commit_sha,
				    format, eval_id, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(prototype.id(), run.suite(), run.passed(), run.failed(), run.errors(), rate,
					Timestamp.from(run.runAt()), run.commit(), run.format(), run.evalId(), recordedBy,
					Timestamp.from(now))
			.query(Long.class)
			.single();
		// The day's eval pass rate for dashboards and kill criteria (the latest run
		// posted).
		this.metrics.recordDerived(List.of(new Metrics.RawObservationInput(prototype.key(), "eval_pass_rate_pct",
				LocalDate.ofInstant(run.runAt(), ZoneOffset.UTC).toString(),
				rate.stripTrailingZeros().toPlainString())), ObservationSource.EVAL);
		this.auditLog.record("EVAL_RECORDED", "prototype", prototype.key(), null,
				AuditLog.values("suite", run.suite(), "passed", run.passed(), "failed", run.failed(), "errors",
						run.errors(), "passRatePct", rate.toPlainString(), "runAt", run.runAt(), "commit",
						run.commit()),
				null);
		this.gates.refreshComputedEvidence(prototype.id());
		return new Recorded(runs(prototype.id(), "and r.id = ?", id).get(0), true);
	}

	/** The runs of a prototype, newest first (at most {@code limit}). */
	public List<EvalRunView> latest(PrototypeView prototype, int limit) {
		return runs(prototype.id(), "order by r.run_at desc, r.id desc limit ?", limit);
	}

	/** The latest run of each suite. */
	public List<EvalRunView> latestPerSuite(PrototypeView prototype) {
		return this.jdbc
			.sql(SELECT + " where r.prototype_id = ? and r.id in (select distinct on (suite) id"
					+ " from eval_run where prototype_id = ? order by suite, run_at desc, id desc) order by r.suite")
			.params(prototype.id(), prototype.id())
			.query((rs, n) -> view(rs))
			.list();
	}

	private static final String SELECT = """
			select r.id, r.suite, r.passed, r.failed, r.errors, r.pass_rate_pct, r.run_at, r.commit_sha, r.format,
			       r.eval_id, u.username, r.recorded_at
			from eval_run r left join app_user u on u.id = r.recorded_by""";

	private List<EvalRunView> runs(long prototypeId, String tail, Object... params) {
		Object[] all = new Object[params.length + 1];
		all[0] = prototypeId;
		System.arraycopy(params, 0, all, 1, params.length);
		String sql = SELECT + " where r.prototype_id = ? "
				+ (tail.startsWith("order") ? tail : tail + " order by r.run_at desc, r.id desc");
		return this.jdbc.sql(sql).params(all).query((rs, n) -> view(rs)).list();
	}

	private static EvalRunView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new EvalRunView(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
				rs.getBigDecimal(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9), rs.getString(10),
				rs.getString(11), rs.getTimestamp(12).toInstant());
	}

}
