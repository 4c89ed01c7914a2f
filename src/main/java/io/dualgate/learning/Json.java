package io.dualgate.learning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.dualgate.shared.Decimals;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NumberRefused;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON request body with bounded, precise checks: every refusal
 * names the field ({@code keyResults[1].target}) and quotes at most a short excerpt of
 * what was sent.
 */
public final class Json {

	/** The longest excerpt of a bad value an error message quotes. */
	public static final int EXCERPT = 40;

	private Json() {
	}

	public static JsonNode field(JsonNode object, String name) {
		JsonNode node = (object != null) ? object.get(name) : null;
		return (node == null || node.isNull()) ? null : node;
	}

	/** A string field, stripped; {@code null} when absent or blank. */
	public static String text(JsonNode object, String name, String path, int maxLength) {
		JsonNode node = field(object, name);
		if (node == null) {
			return null;
		}
		if (!node.isValueNode()) {
			throw new InvalidFieldException(path, "learning.field.notText");
		}
		String text = node.isNumber() ? number(node) : node.asString().strip();
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() > maxLength) {
			throw new InvalidFieldException(path, "learning.field.tooLong", maxLength);
		}
		return text;
	}

	public static String requiredText(JsonNode object, String name, String path, int maxLength) {
		String text = text(object, name, path, maxLength);
		if (text == null) {
			throw new InvalidFieldException(path, "learning.field.required");
		}
		return text;
	}

	/** A number (JSON number or numeric string) with bounded digits; null when absent. */
	public static BigDecimal decimal(JsonNode object, String name, String path) {
		JsonNode node = field(object, name);
		if (node == null) {
			return null;
		}
		String text = node.isNumber() ? number(node) : (node.isString() ? node.asString().strip() : null);
		if (text == null || text.isEmpty()) {
			throw new InvalidFieldException(path, "learning.field.notNumber", (text == null) ? "" : text);
		}
		return decimal(text, path);
	}

	/** A planned figure ({@link Decimals#PLAN}); null when blank. */
	public static BigDecimal decimal(String text, String path) {
		return decimal(text, path, Decimals.PLAN);
	}

	/**
	 * A number read by the one bounded parser and held to its column's limit; null when
	 * blank. A refusal names {@code path}.
	 */
	public static BigDecimal decimal(String text, String path, Decimals.Limit limit) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Decimals.parse(text, limit);
		}
		catch (NumberRefused ex) {
			throw ex.in(path);
		}
	}

	/** A JSON number as written (an infinite double reads as text the checks refuse). */
	private static String number(JsonNode node) {
		try {
			return node.decimalValue().toString();
		}
		catch (NumberFormatException ex) {
			return node.asString();
		}
	}

	public static BigDecimal requiredDecimal(JsonNode object, String name, String path) {
		BigDecimal value = decimal(object, name, path);
		if (value == null) {
			throw new InvalidFieldException(path, "learning.field.required");
		}
		return value;
	}

	/** A whole number between {@code min} and {@code max}; null when absent. */
	public static Integer integer(JsonNode object, String name, String path, int min, int max) {
		BigDecimal value = decimal(object, name, path);
		if (value == null) {
			return null;
		}
		return integer(value, path, min, max);
	}

	public static Integer integer(BigDecimal value, String path, int min, int max) {
		if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
				|| value.compareTo(BigDecimal.valueOf(max)) > 0) {
			throw new InvalidFieldException(path, "learning.field.range", value.toPlainString(), min, max);
		}
		return value.intValueExact();
	}

	public static LocalDate date(JsonNode object, String name, String path) {
		return date(text(object, name, path, 40), path);
	}

	public static LocalDate date(String text, String path) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(path, "learning.field.notDate", excerpt(text));
		}
	}

	/** An instant with its offset ({@code 2026-05-01T09:30:00Z}); null when absent. */
	public static Instant instant(String text, String path) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(path, "learning.field.notInstant", excerpt(text));
		}
	}

	/** At most {@link #EXCERPT} characters of what was sent. */
	public static String excerpt(String text) {
		if (text == null) {
			return "";
		}
		String flat = text.replaceAll("\\p{Cntrl}", " ");
		return (flat.length() <= EXCERPT) ? flat : flat.substring(0, EXCERPT) + "…";
	}

}
