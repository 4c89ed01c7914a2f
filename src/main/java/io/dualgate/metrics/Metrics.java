package io.dualgate.metrics;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.dualgate.audit.AuditLog;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.Decimals;
import io.dualgate.shared.Excerpt;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.NumberRefused;
import io.dualgate.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Metric definitions and observations. Every way in (form, CSV upload, API, POCs, demo
 * data) goes through {@link #record} or {@link #importCsv}: the same validation, all or
 * nothing, an upsert per (prototype, metric, date), and an {@link ObservationRecorded}
 * event in the same transaction for what changed.
 */
@Service
@Transactional(readOnly = true)
public class Metrics implements MetricReadings {

	private final JdbcClient jdbc;

	private final Portfolio portfolio;

	private final ObservationStore store;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final Clock clock;

	Metrics(JdbcClient jdbc, Portfolio portfolio, ObservationStore store, ApplicationEventPublisher events,
			AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.portfolio = portfolio;
		this.store = store;
		this.events = events;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Who may record evidence for a prototype: its own exploration and delivery PMs, and
	 * admins. Executives read only; PMs of other prototypes read only. {@code null} is
	 * the system (POCs, demo data), which records on behalf of a user already checked.
	 */
	public static boolean mayRecord(AuthenticatedUser user, PrototypeView prototype) {
		if (user == null) {
			return true;
		}
		return prototype.changeableBy(user);
	}

	public List<MetricDefinition> definitions() {
		return this.jdbc
			.sql("select key, name, unit, kind, direction, min_value, max_value, derived_from from metric_definition"
					+ " order by kind desc, key")
			.query(MetricDefinition.class)
			.list();
	}

	public Optional<MetricDefinition> definition(String key) {
		return this.jdbc
			.sql("select key, name, unit, kind, direction, min_value, max_value, derived_from from metric_definition"
					+ " where key = ?")
			.param(key)
			.query(MetricDefinition.class)
			.optional();
	}

	@Transactional
	public MetricDefinition addDefinition(MetricDefinition definition) {
		checkBound("minValue", definition.minValue());
		checkBound("maxValue", definition.maxValue());
		if (definition(definition.key()).isPresent()) {
			throw new RuleViolationException("metric.key.taken", definition.key());
		}
		this.jdbc
			.sql("insert into metric_definition (key, name, unit, kind, direction, min_value, max_value)"
					+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(definition.key(), definition.name(), definition.unit(), definition.kind(), definition.direction(),
					definition.minValue(), definition.maxValue())
			.update();
		this.auditLog.record("METRIC_DEFINED", "metric_definition", definition.key(), null,
				AuditLog.values("name", definition.name(), "unit", definition.unit(), "kind", definition.kind(),
						"direction", definition.direction(), "min", definition.minValue(), "max",
						definition.maxValue()),
				null);
		return definition;
	}

	/** A metric's bound is compared with observations: it has their precision. */
	private static void checkBound(String field, BigDecimal bound) {
		try {
			Decimals.check(bound, Decimals.MEASURE);
		}
		catch (NumberRefused ex) {
			throw ex.in(field);
		}
	}

	/**
	 * Records one observation (form, POC). Replaces the value of the same day.
	 * @throws ObservationsRejected with the bad fields
	 */
	@Transactional
	public void record(String prototypeKey, String metricKey, String date, String value, ObservationSource source,
			AuthenticatedUser by) {
		recordAll(List.of(new RawObservationInput(prototypeKey, metricKey, date, value)), source, by);
	}

	/**
	 * Records a batch (the JSON API): all or nothing; errors name the 0-based index.
	 * @return how many observations were stored
	 */
	@Transactional
	public long recordAll(List<RawObservationInput> inputs, ObservationSource source, AuthenticatedUser by) {
		if (inputs.isEmpty()) {
			throw ObservationsRejected.malformed("observation.api.empty");
		}
		List<RawObservation> rows = new ArrayList<>(inputs.size());
		for (int i = 0; i < inputs.size(); i++) {
			RawObservationInput input = inputs.get(i);
			rows.add(new RawObservation(i, input.prototype(), input.metric(), input.date(), input.value()));
		}
		try {
			return store((errors) -> rows.iterator(), source, by, false);
		}
		catch (ObservationsRejected ex) {
			throw ex.asIndexes();
		}
	}

	/**
	 * Imports a {@code prototype,metric,date,value} CSV file: all or nothing, every bad
	 * cell reported with its line and column; one event per (prototype, metric) with the
	 * file's latest value for it.
	 * @return how many observations were stored
	 */
	@Transactional
	public long importCsv(InputStreamSource csv, ObservationSource source, AuthenticatedUser by) {
		return store((errors) -> {
			try {
				return new CsvObservations(csv.getInputStream(), errors);
			}
			catch (IOException ex) {
				throw ObservationsRejected.malformed("observation.csv.unreadable", 1);
			}
		}, source, by, true);
	}

	/**
	 * @param perSeriesEvents one event per (prototype, metric) with the latest date's
	 * value rather than one per row: bulk files would otherwise publish a million events
	 */
	private long store(ObservationStore.Rows rows, ObservationSource source, AuthenticatedUser by,
			boolean perSeriesEvents) {
		LocalDate today = LocalDate.now(this.clock);
		Map<String, PrototypeView> prototypes = this.portfolio.all()
			.stream()
			.collect(Collectors.toMap(PrototypeView::key, Function.identity()));
		Map<String, MetricDefinition> definitions = definitions().stream()
			.collect(Collectors.toMap(MetricDefinition::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		Predicate<PrototypeView> allowed = (prototype) -> mayRecord(by, prototype);
		boolean derivedSource = source == ObservationSource.FEEDBACK || source == ObservationSource.EVAL;
		ObservationValidator validator = new ObservationValidator(definitions, prototypes, allowed, today,
				derivedSource ? source.name() : null);
		ObservationStore.Stored stored = this.store.store(rows, validator, perSeriesEvents, source,
				(by != null) ? by.id() : null, this.clock.instant());
		for (ObservationValidator.ValidObservation changed : stored.changed()) {
			this.events.publishEvent(new ObservationRecorded(changed.prototypeId(), changed.metricKey(), changed.date(),
					changed.value(), source.name()));
		}
		if (source != ObservationSource.DEMO) {
			this.auditLog.record("OBSERVATIONS_RECORDED", "observation", source.name(), null,
					AuditLog.values("count", stored.count(), "series", stored.changed().size()), null);
		}
		return stored.count();
	}

	/**
	 * Defines a metric DualGate derives itself (a capability's daily acceptance rate, for
	 * one), once: defining it again changes nothing.
	 * @param derivedFrom FEEDBACK or EVAL
	 */
	@Transactional
	public MetricDefinition defineDerived(MetricDefinition definition, String derivedFrom) {
		int inserted = this.jdbc.sql("""
				insert into metric_definition (key, name, unit, kind, direction, min_value, max_value, derived_from)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (key) do nothing""")
			.params(definition.key(), definition.name(), definition.unit(), definition.kind(), definition.direction(),
					definition.minValue(), definition.maxValue(), derivedFrom)
			.update();
		if (inserted > 0) {
			this.auditLog.record("METRIC_DEFINED", "metric_definition", definition.key(), null,
					AuditLog.values("name", definition.name(), "unit", definition.unit(), "derivedFrom", derivedFrom),
					null);
		}
		return definition(definition.key()).orElseThrow();
	}

	/**
	 * Records observations of derived metrics (daily rates from human feedback, pass
	 * rates of eval runs) for DualGate itself, through the same validation and store as
	 * every other way in, with an {@link ObservationRecorded} per series.
	 * @param source FEEDBACK or EVAL; every metric must be derived from it
	 * @return how many observations were stored
	 */
	@Transactional
	public long recordDerived(List<RawObservationInput> inputs, ObservationSource source) {
		if (source != ObservationSource.FEEDBACK && source != ObservationSource.EVAL) {
			throw new IllegalArgumentException("derived observations come from FEEDBACK or EVAL, not " + source);
		}
		if (inputs.isEmpty()) {
			return 0;
		}
		List<RawObservation> rows = new ArrayList<>(inputs.size());
		for (int i = 0; i < inputs.size(); i++) {
			RawObservationInput input = inputs.get(i);
			rows.add(new RawObservation(i, input.prototype(), input.metric(), input.date(), input.value()));
		}
		return store((errors) -> rows.iterator(), source, null, true);
	}

	@Override
	public Optional<Range> range(String metricKey) {
		return definition(metricKey).map((d) -> new Range(d.minValue(), d.maxValue()));
	}

	@Override
	public Optional<MetricReading> latest(long prototypeId, String metricKey) {
		return this.jdbc.sql("""
				select metric_key, observed_on, value, source from observation
				where prototype_id = ? and metric_key = ? order by observed_on desc limit 1""")
			.params(prototypeId, metricKey)
			.query((rs, n) -> new MetricReading(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
					rs.getString(4)))
			.optional();
	}

	/** The latest observation of every metric that has one, for the prototype page. */
	public List<MetricReading> latestPerMetric(long prototypeId) {
		return this.jdbc.sql("""
				select distinct on (metric_key) metric_key, observed_on, value, source from observation
				where prototype_id = ? order by metric_key, observed_on desc""")
			.param(prototypeId)
			.query((rs, n) -> new MetricReading(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
					rs.getString(4)))
			.list();
	}

	/**
	 * Observations of a prototype, optionally of one metric and between two dates
	 * (inclusive).
	 */
	public List<ObservationView> observations(String prototypeKey, String metricKey, LocalDate from, LocalDate to) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		if (metricKey != null && definition(metricKey).isEmpty()) {
			throw new NotFoundException("metric.notFound", Excerpt.of(metricKey));
		}
		return this.jdbc.sql("""
				select o.metric_key, o.observed_on, o.value, o.source, u.username, o.recorded_at
				from observation o left join app_user u on u.id = o.recorded_by
				where o.prototype_id = :prototype
				  and (cast(:metric as varchar) is null or o.metric_key = :metric)
				  and (cast(:from as date) is null or o.observed_on >= :from)
				  and (cast(:to as date) is null or o.observed_on <= :to)
				order by o.metric_key, o.observed_on""")
			.param("prototype", prototype.id())
			.param("metric", metricKey)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new ObservationView(prototype.key(), rs.getString(1), rs.getObject(2, LocalDate.class),
					rs.getBigDecimal(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** How many observations a prototype has (tests and the page). */
	public long count(long prototypeId) {
		return this.jdbc.sql("select count(*) from observation where prototype_id = ?")
			.param(prototypeId)
			.query(Long.class)
			.single();
	}

	/**
	 * One observation as a form or JSON element sends it: strings, validated by the
	 * shared rules.
	 */
	public record RawObservationInput(String prototype, String metric, String date, String value) {
	}

	/** An observation as pages and the API show it. */
	public record ObservationView(String prototype, String metric, LocalDate date, BigDecimal value, String source,
			String recordedBy, java.time.Instant recordedAt) {
	}

}
