package io.dualgate.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The one number parser: bounded text, digits and exponent checked against the column
 * before anything expands them, refusals that quote at most a short excerpt.
 */
class DecimalsTests {

	@Test
	void acceptsWhatTheColumnHoldsInPlainOrScientificNotation() {
		assertThat(Decimals.parse("99.95", Decimals.MEASURE)).isEqualByComparingTo("99.95");
		assertThat(Decimals.parse(" -0.5 ", Decimals.MEASURE)).isEqualByComparingTo("-0.5");
		assertThat(Decimals.parse("2.5e3", Decimals.MEASURE)).isEqualByComparingTo("2500");
		assertThat(Decimals.parse("1e3", Decimals.MEASURE).scale()).isZero();
		assertThat(Decimals.parse("999999999999999.9999999999", Decimals.MEASURE))
			.isEqualByComparingTo("999999999999999.9999999999");
		assertThat(Decimals.parse("0e999999999", Decimals.MEASURE)).isEqualByComparingTo("0");
		assertThat(Decimals.parse("12.50", Decimals.MONEY)).isEqualByComparingTo("12.5");
		assertThat(Decimals.parse("0.850", Decimals.CORRELATION)).isEqualByComparingTo("0.85");
	}

	@Test
	void refusesTooManyDigitsBeforeOrAfterThePointNamingTheLimit() {
		assertRefused(() -> Decimals.parse("1000000000000000", Decimals.MEASURE), "number.tooLarge", 15);
		assertRefused(() -> Decimals.parse("0.00000000001", Decimals.MEASURE), "number.tooPrecise", 10);
		assertRefused(() -> Decimals.parse("0.123", Decimals.MONEY), "number.tooPrecise", 2);
		assertRefused(() -> Decimals.parse("10", Decimals.CORRELATION), "number.tooLarge", 1);
		assertRefused(() -> Decimals.parse("lots", Decimals.MEASURE), "number.notNumeric");
		assertRefused(() -> Decimals.parse("1,5", Decimals.MEASURE), "number.notNumeric");
		assertRefused(() -> Decimals.parse("NaN", Decimals.MEASURE), "number.notNumeric");
		assertRefused(() -> Decimals.parse("1e1234567890", Decimals.MEASURE), "number.notNumeric");
	}

	@Test
	void hugeExponentsAreRefusedAtOnceAndQuotedShort() {
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			for (String text : new String[] { "1e999999999", "-1e999999999", "1e-999999999", "9.9e+999999999" }) {
				NumberRefused refused = refusal(() -> Decimals.parse(text, Decimals.MEASURE));
				assertThat(refused.arguments()[0]).isEqualTo(text);
			}
			NumberRefused json = refusal(() -> Decimals.check(new BigDecimal("1e999999999"), Decimals.MEASURE));
			assertThat(json.messageCode()).isEqualTo("number.tooLarge");
			assertThat((String) json.arguments()[0]).hasSizeLessThanOrEqualTo(Excerpt.MAX_CHARS + 1);
			NumberRefused tiny = refusal(() -> Decimals.check(new BigDecimal("1e-999999999"), Decimals.MEASURE));
			assertThat(tiny.messageCode()).isEqualTo("number.tooPrecise");
		});
	}

	@Test
	void longTextIsRefusedUnreadAndQuotedByItsFirstFortyCharacters() {
		String text = "9".repeat(1_000_000);
		NumberRefused refused = refusal(() -> Decimals.parse(text, Decimals.MEASURE));
		assertThat(refused.messageCode()).isEqualTo("number.tooLong");
		assertThat((String) refused.arguments()[0]).isEqualTo("9".repeat(40) + "…");
	}

	@Test
	void numbersFromJsonAreCheckedLikeText() {
		assertThat(Decimals.check(42, Decimals.MEASURE)).isEqualByComparingTo("42");
		assertThat(Decimals.check(new BigInteger("1" + "0".repeat(14)), Decimals.MEASURE)).isEqualByComparingTo("1e14");
		assertRefused(() -> Decimals.check(new BigInteger("1" + "0".repeat(900)), Decimals.MEASURE), "number.tooLarge",
				15);
		assertRefused(() -> Decimals.check(Double.POSITIVE_INFINITY, Decimals.MEASURE), "number.tooLarge", 15);
		assertRefused(() -> Decimals.check(new BigDecimal("0." + "1".repeat(60)), Decimals.MEASURE), "number.tooLong",
				40);
		assertThat(Decimals.check(null, Decimals.MEASURE)).isNull();
	}

	@Test
	void formsReadBoundedTextAndShowHugeValuesInScientificNotation() {
		BigDecimal huge = Decimals.read("1e999999999");
		assertThat(huge.scale()).isEqualTo(-999999999);
		assertThat(Decimals.text(huge)).isEqualTo("1E+999999999");
		assertThat(Decimals.text(Decimals.read("1e-999999999"))).isEqualTo("1E-999999999");
		assertThat(Decimals.text(new BigDecimal("99.950"))).isEqualTo("99.950");
		assertThat(Decimals.text(Decimals.read("2.5e3"))).isEqualTo("2500");
		assertRefused(() -> Decimals.read("9".repeat(41)), "number.tooLong", 40);
		assertRefused(() -> Decimals.read("twelve"), "number.notNumeric");
	}

	@Test
	void aRefusalNamesItsFieldOnceItIsKnown() {
		NumberRefused refused = refusal(() -> Decimals.parse("x", Decimals.MEASURE));
		assertThat(refused.field()).isNull();
		assertThat(refused.in("threshold").field()).isEqualTo("threshold");
		assertThat(refused.in("threshold").messageCode()).isEqualTo("number.notNumeric");
	}

	private static void assertRefused(Runnable parse, String code, Object... limit) {
		NumberRefused refused = refusal(parse);
		assertThat(refused.messageCode()).isEqualTo(code);
		if (limit.length > 0) {
			assertThat(refused.arguments()[1]).isEqualTo(limit[0]);
		}
	}

	private static NumberRefused refusal(Runnable parse) {
		return assertThatExceptionOfType(NumberRefused.class).isThrownBy(parse::run).actual();
	}

}
