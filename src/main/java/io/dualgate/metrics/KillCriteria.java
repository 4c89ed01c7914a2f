package io.dualgate.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.dualgate.audit.AuditLog;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.portfolio.Stage;
import io.dualgate.shared.Decimals;
import io.dualgate.shared.Excerpt;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.NumberRefused;
import io.dualgate.shared.RuleViolationException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failure criteria stated up front, and their evaluation: daily (cron
 * {@code dualgate.kill-criteria.cron}, 02:00 UTC by default) and on an admin's request. A
 * met criterion flags the prototype and writes an audit event; it never moves the stage:
 * people decide.
 */
@Service
@Transactional(readOnly = true)
public class KillCriteria {

	private static final Logger log = LoggerFactory.getLogger(KillCriteria.class);

	static final Set<String> COMPARATORS = Set.of("<", "<=", ">", ">=");

	private final JdbcClient jdbc;

	private final Portfolio portfolio;

	private final Metrics metrics;

	private final AuditLog auditLog;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	KillCriteria(JdbcClient jdbc, Portfolio portfolio, Metrics metrics, AuditLog auditLog, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.portfolio = portfolio;
		this.metrics = metrics;
		this.auditLog = auditLog;
		this.clock = clock;
		this.events = events;
	}

	public record Criterion(long id, long prototypeId, String metricKey, String comparator, BigDecimal threshold,
			int consecutiveDays, boolean noImprovingTrend, boolean met, Instant evaluatedAt, Instant metSince,
			Double lastSlope) {
	}

	/** A met criterion with its prototype, for the list page. */
	public record Flag(String prototypeKey, String prototypeName, Criterion criterion) {
	}

	public List<Criterion> forPrototype(long prototypeId) {
		return this.jdbc.sql(SELECT + " where prototype_id = ? order by id")
			.param(prototypeId)
			.query(KillCriteria::criterion)
			.list();
	}

	public List<Flag> met() {
		return this.jdbc.sql(SELECT + " where met order by met_since, id")
			.query(KillCriteria::criterion)
			.list()
			.stream()
			.map((c) -> {
				PrototypeView prototype = this.portfolio.get(c.prototypeId());
				return new Flag(prototype.key(), prototype.name(), c);
			})
			.toList();
	}

	private static final String SELECT = "select id, prototype_id, metric_key, comparator, threshold, consecutive_days,"
			+ " no_improving_trend, met, evaluated_at, met_since, last_slope from kill_criterion";

	@Transactional
	public long state(String prototypeKey, String metricKey, String comparator, BigDecimal threshold,
			int consecutiveDays, boolean noImprovingTrend, AuthenticatedUser by) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		if (by != null && !Metrics.mayRecord(by, prototype)) {
			throw new org.springframework.security.access.AccessDeniedException("not a PM of " + prototypeKey);
		}
		if (this.metrics.definition(metricKey).isEmpty()) {
			throw new RuleViolationException("observation.metric.unknown", Excerpt.of(metricKey));
		}
		if (!COMPARATORS.contains(comparator)) {
			throw new RuleViolationException("killCriterion.comparator.invalid", comparator);
		}
		if (consecutiveDays < 1 || consecutiveDays > 365) {
			throw new RuleViolationException("killCriterion.days.invalid");
		}
		// kill_criterion.threshold is numeric(25, 10): checked before it is stored or
		// written out in the audit row.
		BigDecimal bounded;
		try {
			bounded = Decimals.check(threshold, Decimals.MEASURE);
		}
		catch (NumberRefused ex) {
			throw ex.in("threshold");
		}
		long id = this.jdbc.sql("""
				insert into kill_criterion (prototype_id, metric_key, comparator, threshold, consecutive_days,
				    no_improving_trend, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(prototype.id(), metricKey, comparator, bounded, consecutiveDays, noImprovingTrend,
					(by != null) ? by.id() : prototype.explorationPmId(), java.sql.Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		this.auditLog.record("KILL_CRITERION_STATED", "prototype", prototypeKey, null,
				AuditLog.values("metric", metricKey, "comparator", comparator, "threshold", bounded.toPlainString(),
						"days", consecutiveDays, "noImprovingTrend", noImprovingTrend),
				null);
		return id;
	}

	/** Once a day on one node only, however many nodes run (ShedLock). */
	@Scheduled(cron = "${dualgate.kill-criteria.cron:0 0 2 * * *}", zone = "UTC")
	@SchedulerLock(name = "kill-criteria", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	public void daily() {
		int met = evaluateAll();
		log.info("Kill criteria evaluated: {} met", met);
	}

	/**
	 * Evaluates every criterion of prototypes still in play.
	 * @return how many are met
	 */
	@Transactional
	public int evaluateAll() {
		int met = 0;
		for (Criterion criterion : this.jdbc.sql(SELECT + " order by id").query(KillCriteria::criterion).list()) {
			PrototypeView prototype = this.portfolio.get(criterion.prototypeId());
			if (prototype.stage() == Stage.KILLED) {
				continue;
			}
			if (evaluate(criterion, prototype)) {
				met++;
			}
		}
		return met;
	}

	private boolean evaluate(Criterion criterion, PrototypeView prototype) {
		MetricDefinition definition = this.metrics.definition(criterion.metricKey()).orElseThrow();
		List<KillCriterionRule.Point> latest = this.jdbc.sql("""
				select observed_on, value from observation where prototype_id = ? and metric_key = ?
				order by observed_on desc limit ?""")
			.params(criterion.prototypeId(), criterion.metricKey(), criterion.consecutiveDays())
			.query((rs, n) -> new KillCriterionRule.Point(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
			.list();
		// The trend is the least-squares slope of value per day over the same window, in
		// SQL.
		Double slope = this.jdbc.sql("""
				select regr_slope(value, observed_on - date '2000-01-01') from (
				    select observed_on, value from observation where prototype_id = ? and metric_key = ?
				    order by observed_on desc limit ?) w""")
			.params(criterion.prototypeId(), criterion.metricKey(), criterion.consecutiveDays())
			.query(Double.class)
			.optional()
			.orElse(null);
		KillCriterionRule rule = new KillCriterionRule(criterion.comparator(), criterion.threshold(),
				criterion.consecutiveDays(), criterion.noImprovingTrend(), definition.higherIsBetter());
		boolean met = rule.isMet(latest, slope);
		Instant now = this.clock.instant();
		if (met && !criterion.met()) {
			this.jdbc
				.sql("update kill_criterion set met = true, met_since = ?, evaluated_at = ?, last_slope = ?"
						+ " where id = ?")
				.params(java.sql.Timestamp.from(now), java.sql.Timestamp.from(now), slope, criterion.id())
				.update();
			this.auditLog.record("KILL_CRITERION_MET", "prototype", prototype.key(), AuditLog.values("met", false),
					AuditLog.values("met", true, "metric", criterion.metricKey(), "rule", describe(criterion),
							"slopePerDay", slope),
					"kill criterion met; the stage is left to people");
			this.events.publishEvent(new KillCriterionMet(criterion.id(), prototype.id(), prototype.key(),
					prototype.name(), describe(criterion), now));
		}
		else if (!met && criterion.met()) {
			this.jdbc
				.sql("update kill_criterion set met = false, met_since = null, evaluated_at = ?, last_slope = ?"
						+ " where id = ?")
				.params(java.sql.Timestamp.from(now), slope, criterion.id())
				.update();
			this.auditLog.record("KILL_CRITERION_CLEARED", "prototype", prototype.key(), AuditLog.values("met", true),
					AuditLog.values("met", false, "rule", describe(criterion)), null);
		}
		else {
			this.jdbc.sql("update kill_criterion set evaluated_at = ?, last_slope = ? where id = ?")
				.params(java.sql.Timestamp.from(now), slope, criterion.id())
				.update();
		}
		return met;
	}

	public Criterion get(long id) {
		return this.jdbc.sql(SELECT + " where id = ?")
			.param(id)
			.query(KillCriteria::criterion)
			.optional()
			.orElseThrow(() -> new NotFoundException("killCriterion.notFound", id));
	}

	private static Criterion criterion(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Criterion(rs.getLong("id"), rs.getLong("prototype_id"), rs.getString("metric_key"),
				rs.getString("comparator"), rs.getBigDecimal("threshold"), rs.getInt("consecutive_days"),
				rs.getBoolean("no_improving_trend"), rs.getBoolean("met"), instant(rs, "evaluated_at"),
				instant(rs, "met_since"), (Double) rs.getObject("last_slope"));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.sql.Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static String describe(Criterion c) {
		return c.metricKey() + " " + c.comparator() + " " + c.threshold().toPlainString() + " for "
				+ c.consecutiveDays() + " days" + (c.noImprovingTrend() ? " with no improving trend" : "");
	}

}
