package io.dualgate.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dualgate.shared.InvalidFieldException;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit filter as a page or the API receives it: every parameter a string, checked
 * here so that a bad one is named, never echoed at length. {@code from} and {@code to}
 * are a day ({@code 2026-01-31}, UTC, {@code to} included) or an instant
 * ({@code 2026-01-31T09:00:00Z}, {@code to} excluded).
 */
record AuditQuery(String from, String to, String person, String entityType, String entityId, String action,
		Integer page) {

	static final int MAX_DATE_LENGTH = 40;

	/** The filter, or an {@link InvalidFieldException} naming the first bad parameter. */
	AuditFilter toFilter() {
		Instant start = instant("from", this.from, false);
		Instant end = instant("to", this.to, true);
		if (start != null && end != null && !start.isBefore(end)) {
			throw new InvalidFieldException("to", "audit.filter.range");
		}
		bounded("person", this.person, 64);
		bounded("entityType", this.entityType, 40);
		bounded("entityId", this.entityId, 64);
		bounded("action", this.action, 64);
		return new AuditFilter(start, end, this.person, this.entityType, this.entityId, this.action);
	}

	/**
	 * The query as the page shows it back in its fields: every value cut to its limit, so
	 * that a long bad value is never echoed in full.
	 */
	AuditQuery shown() {
		return new AuditQuery(cut(this.from, MAX_DATE_LENGTH), cut(this.to, MAX_DATE_LENGTH), cut(this.person, 64),
				cut(this.entityType, 40), cut(this.entityId, 64), cut(this.action, 64), this.page);
	}

	private static String cut(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	int pageNumber() {
		return (this.page == null || this.page < 0) ? 0 : this.page;
	}

	/** The filter's parameters as a query string (unset ones left out). */
	String queryString(Integer page) {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
		parameters().forEach(builder::queryParam);
		if (page != null && page > 0) {
			builder.queryParam("page", page);
		}
		return builder.encode().build().toUriString();
	}

	private Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		put(parameters, "from", this.from);
		put(parameters, "to", this.to);
		put(parameters, "person", this.person);
		put(parameters, "entityType", this.entityType);
		put(parameters, "entityId", this.entityId);
		put(parameters, "action", this.action);
		return parameters;
	}

	private static void put(Map<String, String> parameters, String name, String value) {
		if (value != null && !value.isBlank()) {
			parameters.put(name, value.strip());
		}
	}

	private static Instant instant(String field, String value, boolean end) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > MAX_DATE_LENGTH) {
			throw new InvalidFieldException(field, "audit.filter.date");
		}
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(field, "audit.filter.date");
		}
	}

	private static void bounded(String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			throw new InvalidFieldException(field, "audit.filter.tooLong", max);
		}
	}

}
