package io.dualgate.learning.feedback;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dualgate.learning.Json;
import io.dualgate.learning.autonomy.CapabilityView;

/**
 * The rules every case of feedback meets, whether it came as CSV or JSON. Collects an
 * error per bad cell rather than stopping at the first one (the style of observations).
 */
final class FeedbackValidator {

	static final int MAX_CASE_ID = 100;

	static final int MAX_REVIEWER = 120;

	static final int MAX_COMMENT = 2000;

	/** Older dates are typing mistakes, not evidence. */
	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/** Clocks of pipelines run a little ahead at times. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final Map<String, CapabilityView> capabilities;

	private final Instant now;

	FeedbackValidator(Map<String, CapabilityView> capabilities, Instant now) {
		this.capabilities = capabilities;
		this.now = now;
	}

	/** The valid case, or {@code null} with the reasons added to {@code errors}. */
	FeedbackCase validate(RawCase raw, List<FeedbackError> errors) {
		int before = errors.size();
		long line = raw.line();
		String caseId = strip(raw.caseId());
		if (caseId.isEmpty()) {
			errors.add(new FeedbackError(line, "case_id", "learning.field.required"));
		}
		else if (caseId.length() > MAX_CASE_ID) {
			errors.add(new FeedbackError(line, "case_id", "learning.field.tooLong", MAX_CASE_ID));
		}
		else if (caseId.chars().anyMatch(Character::isISOControl)) {
			errors.add(new FeedbackError(line, "case_id", "feedback.caseId.control"));
		}
		String capabilityKey = strip(raw.capability());
		CapabilityView capability = null;
		if (capabilityKey.isEmpty()) {
			errors.add(new FeedbackError(line, "capability", "learning.field.required"));
		}
		else {
			capability = this.capabilities.get(capabilityKey);
			if (capability == null) {
				errors.add(new FeedbackError(line, "capability", "feedback.capability.unknown",
						Json.excerpt(capabilityKey)));
			}
		}
		Outcome outcome = parse(Outcome.class, raw.outcome(), line, "outcome", null, errors);
		Severity severity = parse(Severity.class, raw.severity(), line, "severity", Severity.NONE, errors);
		String reviewer = optional(raw.reviewer(), MAX_REVIEWER, line, "reviewer", errors);
		String comment = optional(raw.comment(), MAX_COMMENT, line, "comment", errors);
		Instant occurredAt = occurredAt(raw.occurredAt(), line, errors);
		if (errors.size() > before) {
			return null;
		}
		return new FeedbackCase(line, caseId, capability.id(), capability.key(), outcome, severity, reviewer, comment,
				occurredAt);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text, long line, String field, E absent,
			List<FeedbackError> errors) {
		String value = strip(text);
		if (value.isEmpty()) {
			if (absent == null) {
				errors.add(new FeedbackError(line, field, "learning.field.required"));
			}
			return absent;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FeedbackError(line, field, "feedback." + field + ".invalid", Json.excerpt(value)));
			return null;
		}
	}

	private static String optional(String text, int max, long line, String field, List<FeedbackError> errors) {
		String value = strip(text);
		if (value.isEmpty()) {
			return null;
		}
		if (value.length() > max) {
			errors.add(new FeedbackError(line, field, "learning.field.tooLong", max));
			return null;
		}
		return value;
	}

	private Instant occurredAt(String text, long line, List<FeedbackError> errors) {
		String value = strip(text);
		if (value.isEmpty()) {
			errors.add(new FeedbackError(line, "occurred_at", "learning.field.required"));
			return null;
		}
		Instant at;
		try {
			// PostgreSQL keeps microseconds: a case sent again with nanoseconds must
			// compare
			// equal to what was stored from it the first time.
			at = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FeedbackError(line, "occurred_at", "learning.field.notInstant", Json.excerpt(value)));
			return null;
		}
		if (at.isAfter(this.now.plus(CLOCK_SKEW))) {
			errors.add(new FeedbackError(line, "occurred_at", "feedback.occurredAt.future", value));
			return null;
		}
		if (at.isBefore(EARLIEST)) {
			errors.add(new FeedbackError(line, "occurred_at", "feedback.occurredAt.tooOld", value));
			return null;
		}
		return at;
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

}
