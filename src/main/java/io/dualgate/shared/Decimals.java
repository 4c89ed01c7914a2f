package io.dualgate.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The one way a number enters DualGate, whether from a form, a CSV cell or a JSON body:
 * the text is bounded before it is parsed, and the digits before and after the decimal
 * point are checked against the column that will hold the value before anything expands
 * it ({@code 1e999999999} is refused as it is, never written out). The limits here are
 * the only source of the columns' precision and scale in Java: Bean Validation
 * annotations use the constants, {@code SchemaLimitsTests} compares them with the schema.
 */
public final class Decimals {

	/** The longest number text parsed at all; longer text is refused unread. */
	public static final int MAX_TEXT = 40;

	/**
	 * A measured value and everything compared with it: observations, gate answers,
	 * checklist and kill-criterion thresholds, metric ranges. {@code numeric(25, 10)}.
	 */
	public static final int MEASURE_PRECISION = 25;

	public static final int MEASURE_SCALE = 10;

	public static final int MEASURE_INTEGER_DIGITS = MEASURE_PRECISION - MEASURE_SCALE;

	/** An amount of money (a POC's willingness to pay): {@code numeric(14, 2)}. */
	public static final int MONEY_PRECISION = 14;

	public static final int MONEY_SCALE = 2;

	public static final int MONEY_INTEGER_DIGITS = MONEY_PRECISION - MONEY_SCALE;

	/**
	 * A correlation coefficient (an alignment pair's target r): {@code numeric(4, 3)}.
	 */
	public static final int CORRELATION_PRECISION = 4;

	public static final int CORRELATION_SCALE = 3;

	public static final int CORRELATION_INTEGER_DIGITS = CORRELATION_PRECISION - CORRELATION_SCALE;

	/**
	 * A figure planned or claimed rather than measured (an OKR's baseline, target and
	 * stretch, a value map's claimed changes): {@code numeric(19, 6)}.
	 */
	public static final Limit PLAN = new Limit(19, 6);

	/**
	 * A percentage with two decimals (an autonomy level's lower bound):
	 * {@code numeric(5, 2)}.
	 */
	public static final Limit PERCENT = new Limit(5, 2);

	public static final Limit MEASURE = new Limit(MEASURE_PRECISION, MEASURE_SCALE);

	public static final Limit MONEY = new Limit(MONEY_PRECISION, MONEY_SCALE);

	public static final Limit CORRELATION = new Limit(CORRELATION_PRECISION, CORRELATION_SCALE);

	/** Plain or scientific notation with a dot; the exponent has at most 9 digits. */
	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,9})?");

	private Decimals() {
	}

	/**
	 * The value of {@code text} if it is a number that fits {@code limit}.
	 * @throws NumberRefused (field {@code null}) naming what is wrong and quoting an
	 * excerpt
	 */
	public static BigDecimal parse(String text, Limit limit) {
		String stripped = (text != null) ? text.strip() : "";
		return check(read(stripped), limit, stripped);
	}

	/**
	 * The number {@code text} writes, read from bounded text (at most {@link #MAX_TEXT}
	 * characters, an exponent of at most 9 digits) but not yet held to a column: forms
	 * bind it so that their field's {@code @Digits} can say what is wrong next to the
	 * field. Such a value may be {@code 1e999999999}: {@link #check} it (or let
	 * {@code @Digits} refuse it) before anything writes it out, and show it with
	 * {@link #text}.
	 * @throws NumberRefused when the text is too long or not a number
	 */
	public static BigDecimal read(String text) {
		String stripped = (text != null) ? text.strip() : "";
		if (stripped.length() > MAX_TEXT) {
			throw new NumberRefused(null, "number.tooLong", Excerpt.of(stripped), MAX_TEXT);
		}
		if (!NUMBER.matcher(stripped).matches()) {
			throw new NumberRefused(null, "number.notNumeric", Excerpt.of(stripped));
		}
		return new BigDecimal(stripped);
	}

	/**
	 * A number as people read it: plain when it fits the widest column, else in
	 * scientific notation (never a billion zeros).
	 */
	public static String text(BigDecimal value) {
		if (value == null) {
			return "";
		}
		long integerDigits = (long) value.precision() - value.scale();
		boolean fits = integerDigits <= MEASURE.integerDigits() && value.scale() <= MEASURE.scale() + MAX_TEXT;
		return fits ? value.toPlainString() : value.toString();
	}

	/**
	 * A number a JSON parser produced: checked the same way as text, quoted by its
	 * scientific notation (never expanded).
	 */
	public static BigDecimal check(Number number, Limit limit) {
		if (number == null) {
			return null;
		}
		BigDecimal value;
		if (number instanceof BigDecimal decimal) {
			value = decimal;
		}
		else if (number instanceof BigInteger integer) {
			value = new BigDecimal(integer);
		}
		else if (number instanceof Long || number instanceof Integer || number instanceof Short
				|| number instanceof Byte) {
			value = BigDecimal.valueOf(number.longValue());
		}
		else {
			double d = number.doubleValue();
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				throw new NumberRefused(null, "number.tooLarge", Excerpt.of(String.valueOf(d)), limit.integerDigits());
			}
			value = new BigDecimal(Double.toString(d));
		}
		return check(value, limit, null);
	}

	private static BigDecimal check(BigDecimal value, Limit limit, String text) {
		if (value.signum() == 0) {
			return BigDecimal.ZERO;
		}
		// precision() - scale() are the digits before the point; long arithmetic, as a
		// scale can be near Integer.MIN_VALUE.
		long integerDigits = (long) value.precision() - value.scale();
		if (integerDigits > limit.integerDigits()) {
			throw new NumberRefused(null, "number.tooLarge", quote(value, text), limit.integerDigits());
		}
		if (value.precision() > MAX_TEXT) {
			throw new NumberRefused(null, "number.tooLong", quote(value, text), MAX_TEXT);
		}
		// Now small: at most MAX_TEXT significant digits and few integer digits.
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() > limit.scale()) {
			throw new NumberRefused(null, "number.tooPrecise", quote(value, text), limit.scale());
		}
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static String quote(BigDecimal value, String text) {
		// toString() uses scientific notation for large exponents: bounded by the digits.
		return Excerpt.of((text != null) ? text : value.toString());
	}

	/**
	 * The precision and scale of a {@code numeric(precision, scale)} column.
	 *
	 * @param precision all digits
	 * @param scale digits after the decimal point
	 */
	public record Limit(int precision, int scale) {

		/** Digits before the decimal point. */
		public int integerDigits() {
			return this.precision - this.scale;
		}

	}

}
