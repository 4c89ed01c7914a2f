package io.dualgate.learning.valuemap;

import java.math.BigDecimal;

import io.dualgate.alignment.Elasticities.Elasticity;

/**
 * A claimed step of a value map beside what the prototype's own observations say: the
 * claimed change of the next metric for the stated change of this one, the measured
 * change for the same stated change (slope times change) with its 95 % interval, and
 * whether the claim lies inside it.
 *
 * @param verdict SUPPORTED, CONTRADICTED, TOO_FEW_WEEKS, or ASSUMPTION (a money step,
 * which no observation measures)
 */
public record ClaimCheck(Verdict verdict, Double measuredChange, Double low, Double high, long weeks) {

	public enum Verdict {

		SUPPORTED, CONTRADICTED, TOO_FEW_WEEKS, ASSUMPTION

	}

	static ClaimCheck assumption() {
		return new ClaimCheck(Verdict.ASSUMPTION, null, null, null, 0);
	}

	/**
	 * @param fromChange the stated change of the step's first metric (e.g. -100 ms)
	 * @param toChange the claimed change of the next (e.g. +7.5 points)
	 * @param measured the measured slope, or null
	 */
	static ClaimCheck of(BigDecimal fromChange, BigDecimal toChange, Elasticity measured) {
		if (measured == null) {
			return new ClaimCheck(Verdict.TOO_FEW_WEEKS, null, null, null, 0);
		}
		double change = fromChange.doubleValue();
		double a = measured.ciLow() * change;
		double b = measured.ciHigh() * change;
		double low = Math.min(a, b);
		double high = Math.max(a, b);
		double claimed = toChange.doubleValue();
		Verdict verdict = (claimed >= low && claimed <= high) ? Verdict.SUPPORTED : Verdict.CONTRADICTED;
		return new ClaimCheck(verdict, measured.slope() * change, low, high, measured.weeks());
	}

	public boolean contradicted() {
		return this.verdict == Verdict.CONTRADICTED;
	}

}
