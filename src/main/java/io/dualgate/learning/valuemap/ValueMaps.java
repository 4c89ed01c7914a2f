package io.dualgate.learning.valuemap;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.dualgate.alignment.Elasticities;
import io.dualgate.audit.AuditLog;
import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.metrics.MetricDefinition;
import io.dualgate.metrics.Metrics;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.InvalidFieldException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Value maps: each technical capability mapped to a customer financial metric, step by
 * step, with the claimed change and the assumption behind it; beside each measurable
 * claim, the change the prototype's own observations show (the dashboard's regression
 * slope with its 95 % interval), and a flag where the claim lies outside it.
 */
@Service
@Transactional(readOnly = true)
public class ValueMaps {

	static final int MAX_STEPS = 6;

	static final int MAX_TITLE = 200;

	static final int MAX_ASSUMPTION = 1000;

	/** The window a claim is checked over: the dashboard's default. */
	static final int WEEKS = 52;

	private final JdbcClient jdbc;

	private final LearningAccess access;

	private final Metrics metrics;

	private final Elasticities elasticities;

	private final AuditLog auditLog;

	private final Clock clock;

	ValueMaps(JdbcClient jdbc, LearningAccess access, Metrics metrics, Elasticities elasticities, AuditLog auditLog,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.metrics = metrics;
		this.elasticities = elasticities;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** One step as a form or JSON element sends it: text, checked here. */
	public record StepInput(String fromMetric, String fromChange, String toMetric, String toUnit, String toChange,
			String lagWeeks, String assumption) {
	}

	@Transactional
	public ValueMapView state(String prototypeKey, String title, List<StepInput> steps, AuthenticatedUser by) {
		PrototypeView prototype = this.access.writable(prototypeKey, by);
		String cleanTitle = (title != null) ? title.strip() : "";
		if (cleanTitle.isEmpty()) {
			throw new InvalidFieldException("title", "learning.field.required");
		}
		if (cleanTitle.length() > MAX_TITLE) {
			throw new InvalidFieldException("title", "learning.field.tooLong", MAX_TITLE);
		}
		if (steps == null || steps.isEmpty()) {
			throw new InvalidFieldException("steps", "valuemap.steps.required");
		}
		if (steps.size() > MAX_STEPS) {
			throw new InvalidFieldException("steps", "valuemap.steps.tooMany", MAX_STEPS);
		}
		Map<String, MetricDefinition> definitions = definitions();
		List<Object[]> rows = new ArrayList<>();
		String previousTo = null;
		for (int i = 0; i < steps.size(); i++) {
			StepInput step = steps.get(i);
			String path = "steps[" + i + "].";
			MetricDefinition from = metric(definitions, step.fromMetric(), path + "fromMetric", true);
			if (i > 0 && !from.key().equals(previousTo)) {
				throw new InvalidFieldException(path + "fromMetric", "valuemap.chain.broken", from.key(),
						(previousTo != null) ? previousTo : "-");
			}
			BigDecimal fromChange = required(Json.decimal(step.fromChange(), path + "fromChange"), path + "fromChange");
			if (fromChange.signum() == 0) {
				throw new InvalidFieldException(path + "fromChange", "valuemap.change.zero");
			}
			MetricDefinition to = metric(definitions, step.toMetric(), path + "toMetric", false);
			String toUnit;
			if (to != null) {
				toUnit = to.unit();
			}
			else {
				toUnit = (step.toUnit() != null) ? step.toUnit().strip() : "";
				if (toUnit.isEmpty()) {
					throw new InvalidFieldException(path + "toUnit", "valuemap.money.unit");
				}
				if (toUnit.length() > 32) {
					throw new InvalidFieldException(path + "toUnit", "learning.field.tooLong", 32);
				}
				if (i < steps.size() - 1) {
					throw new InvalidFieldException(path + "toMetric", "valuemap.money.last");
				}
			}
			BigDecimal toChange = required(Json.decimal(step.toChange(), path + "toChange"), path + "toChange");
			int lag = (step.lagWeeks() == null || step.lagWeeks().isBlank()) ? 0
					: Json.integer(Json.decimal(step.lagWeeks(), path + "lagWeeks"), path + "lagWeeks", 0, 26);
			String assumption = (step.assumption() != null) ? step.assumption().strip() : "";
			if (assumption.isEmpty()) {
				throw new InvalidFieldException(path + "assumption", "valuemap.assumption.required");
			}
			if (assumption.length() > MAX_ASSUMPTION) {
				throw new InvalidFieldException(path + "assumption", "learning.field.tooLong", MAX_ASSUMPTION);
			}
			rows.add(new Object[] { i + 1, from.key(), fromChange, (to != null) ? to.key() : null, toUnit, toChange,
					lag, assumption });
			previousTo = (to != null) ? to.key() : null;
		}
		long id = this.jdbc
			.sql("insert into value_map (prototype_id, title, created_by, created_at) values (?, ?, ?, ?) returning id")
			.params(prototype.id(), cleanTitle, by.id(), Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		for (Object[] row : rows) {
			this.jdbc.sql("""
					insert into value_map_step (value_map_id, position, from_metric, from_change, to_metric, to_unit,
					    to_change, lag_weeks, assumption) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7])
				.update();
		}
		this.auditLog.record(
				"VALUE_MAP_STATED", "value_map", id, null, AuditLog.values("prototype", prototype.key(), "title",
						Json.excerpt(cleanTitle), "steps", rows.stream().map((r) -> r[1] + "->" + r[3]).toList()),
				null);
		return forPrototype(prototype).stream().filter((m) -> m.id() == id).findFirst().orElseThrow();
	}

	/** The prototype's value maps, newest first, each claim checked against the data. */
	public List<ValueMapView> forPrototype(PrototypeView prototype) {
		Map<String, MetricDefinition> definitions = definitions();
		LocalDate to = LocalDate.now(this.clock);
		LocalDate from = to.minusWeeks(WEEKS);
		Map<Long, List<ValueMapView.Step>> steps = new LinkedHashMap<>();
		this.jdbc.sql("""
				select s.value_map_id, s.position, s.from_metric, s.from_change, s.to_metric, s.to_unit, s.to_change,
				       s.lag_weeks, s.assumption
				from value_map_step s join value_map m on m.id = s.value_map_id
				where m.prototype_id = ? order by s.value_map_id, s.position""")
			.param(prototype.id())
			.query((rs, n) -> {
				String fromMetric = rs.getString(3);
				String toMetric = rs.getString(5);
				BigDecimal fromChange = plain(rs.getBigDecimal(4));
				BigDecimal toChange = plain(rs.getBigDecimal(7));
				int lag = rs.getInt(8);
				ClaimCheck check = (toMetric == null) ? ClaimCheck.assumption() : ClaimCheck.of(fromChange, toChange,
						this.elasticities.measure(prototype.id(), fromMetric, toMetric, lag, from, to).orElse(null));
				MetricDefinition f = definitions.get(fromMetric);
				MetricDefinition t = (toMetric != null) ? definitions.get(toMetric) : null;
				steps.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new ValueMapView.Step(rs.getInt(2), fromMetric, (f != null) ? f.name() : fromMetric,
							(f != null) ? f.unit() : "", fromChange, toMetric, (t != null) ? t.name() : null,
							rs.getString(6), toChange, lag, rs.getString(9), check));
				return null;
			})
			.list();
		return this.jdbc.sql("""
				select m.id, m.title, u.full_name, m.created_at from value_map m join app_user u on u.id = m.created_by
				where m.prototype_id = ? order by m.created_at desc, m.id desc""")
			.param(prototype.id())
			.query((rs, n) -> new ValueMapView(rs.getLong(1), prototype.key(), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), steps.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	private Map<String, MetricDefinition> definitions() {
		return this.metrics.definitions().stream().collect(Collectors.toMap(MetricDefinition::key, (d) -> d));
	}

	private static MetricDefinition metric(Map<String, MetricDefinition> definitions, String key, String path,
			boolean required) {
		String clean = (key != null) ? key.strip() : "";
		if (clean.isEmpty()) {
			if (required) {
				throw new InvalidFieldException(path, "learning.field.required");
			}
			return null;
		}
		MetricDefinition definition = definitions.get(clean);
		if (definition == null) {
			throw new InvalidFieldException(path, "learning.metric.unknown", Json.excerpt(clean));
		}
		return definition;
	}

	private static BigDecimal required(BigDecimal value, String path) {
		if (value == null) {
			throw new InvalidFieldException(path, "learning.field.required");
		}
		return value;
	}

	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
