package io.dualgate.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.Decimals;
import io.dualgate.shared.Excerpt;
import io.dualgate.shared.NumberRefused;

/**
 * The one set of rules every way in (form, CSV, API) applies to an observation. Collects
 * an error per bad cell rather than stopping at the first one.
 */
final class ObservationValidator {

	/** Older dates are typing mistakes, not evidence. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final Map<String, MetricDefinition> definitions;

	private final Map<String, PrototypeView> prototypes;

	private final Predicate<PrototypeView> mayRecord;

	private final LocalDate today;

	/**
	 * The derivation being recorded (FEEDBACK, EVAL), or null for people and pipelines.
	 */
	private final String derivedFrom;

	ObservationValidator(Map<String, MetricDefinition> definitions, Map<String, PrototypeView> prototypes,
			Predicate<PrototypeView> mayRecord, LocalDate today) {
		this(definitions, prototypes, mayRecord, today, null);
	}

	ObservationValidator(Map<String, MetricDefinition> definitions, Map<String, PrototypeView> prototypes,
			Predicate<PrototypeView> mayRecord, LocalDate today, String derivedFrom) {
		this.definitions = definitions;
		this.prototypes = prototypes;
		this.mayRecord = mayRecord;
		this.today = today;
		this.derivedFrom = derivedFrom;
	}

	/**
	 * The valid observation, or {@code null} with the reasons added to {@code errors}.
	 */
	ValidObservation validate(RawObservation raw, List<CellError> errors) {
		int before = errors.size();
		long line = raw.line();
		PrototypeView prototype = null;
		String prototypeKey = strip(raw.prototype());
		if (prototypeKey.isEmpty()) {
			errors.add(new CellError(line, "prototype", "observation.prototype.required"));
		}
		else {
			prototype = this.prototypes.get(prototypeKey);
			if (prototype == null) {
				errors.add(new CellError(line, "prototype", "observation.prototype.unknown", Excerpt.of(prototypeKey)));
			}
			else if (!this.mayRecord.test(prototype)) {
				errors
					.add(new CellError(line, "prototype", "observation.prototype.forbidden", Excerpt.of(prototypeKey)));
			}
		}
		String metricKey = strip(raw.metric());
		MetricDefinition definition = null;
		if (metricKey.isEmpty()) {
			errors.add(new CellError(line, "metric", "observation.metric.required"));
		}
		else {
			definition = this.definitions.get(metricKey);
			if (definition == null) {
				errors.add(new CellError(line, "metric", "observation.metric.unknown", Excerpt.of(metricKey)));
			}
			else if (!java.util.Objects.equals(definition.derivedFrom(), this.derivedFrom)) {
				// Derived metrics are DualGate's own figures; a derivation writes only
				// its own.
				errors.add(new CellError(line, "metric",
						definition.derived() ? "observation.metric.derived" : "observation.metric.notDerived",
						metricKey));
				definition = null;
			}
		}
		LocalDate date = parseDate(line, strip(raw.date()), errors);
		BigDecimal value = parseValue(line, strip(raw.value()), definition, errors);
		if (errors.size() > before) {
			return null;
		}
		return new ValidObservation(line, prototype.id(), definition.key(), date, value);
	}

	private LocalDate parseDate(long line, String text, List<CellError> errors) {
		if (text.isEmpty()) {
			errors.add(new CellError(line, "date", "observation.date.required"));
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			errors.add(new CellError(line, "date", "observation.date.invalid", Excerpt.of(text)));
			return null;
		}
		if (date.isAfter(this.today)) {
			errors.add(new CellError(line, "date", "observation.date.future", text, this.today.toString()));
			return null;
		}
		if (date.isBefore(EARLIEST)) {
			errors.add(new CellError(line, "date", "observation.date.tooOld", text, EARLIEST.toString()));
			return null;
		}
		return date;
	}

	private static BigDecimal parseValue(long line, String text, MetricDefinition definition, List<CellError> errors) {
		if (text.isEmpty()) {
			errors.add(new CellError(line, "value", "observation.value.required"));
			return null;
		}
		BigDecimal value;
		try {
			// The one bounded parser: what observation.value (numeric(25, 10)) holds.
			value = Decimals.parse(text, Decimals.MEASURE);
		}
		catch (NumberRefused ex) {
			errors.add(new CellError(line, "value", ex.messageCode(), ex.arguments()));
			return null;
		}
		if (definition != null && !definition.inRange(value)) {
			errors.add(new CellError(line, "value", "observation.value.outOfRange", plain(value), definition.key(),
					plain(definition.minValue()), plain(definition.maxValue())));
			return null;
		}
		return value;
	}

	/** Only for values within a numeric(25, 10) column: short by construction. */
	private static String plain(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "-";
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

	record ValidObservation(long line, long prototypeId, String metricKey, LocalDate date, BigDecimal value) {
	}

}
