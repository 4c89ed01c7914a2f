package io.dualgate.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * "first_response_accuracy_pct &lt; 85 for 7 consecutive days with no improving trend":
 * met when the latest N daily observations are N consecutive days, every one breaches the
 * threshold and, if asked, the least-squares slope over them is not positive in the
 * metric's better direction. Days without an observation break the run: a criterion is
 * never met on missing evidence.
 */
record KillCriterionRule(String comparator, BigDecimal threshold, int consecutiveDays, boolean noImprovingTrend,
		boolean higherIsBetter) {

	record Point(LocalDate date, BigDecimal value) {
	}

	/**
	 * @param latestFirst the latest observations, newest first (at least N if there are)
	 * @param slopePerDay least-squares slope of value over day across those N, or
	 * {@code null}
	 */
	boolean isMet(List<Point> latestFirst, Double slopePerDay) {
		if (latestFirst.size() < this.consecutiveDays) {
			return false;
		}
		List<Point> window = latestFirst.subList(0, this.consecutiveDays);
		for (int i = 0; i < window.size(); i++) {
			if (i > 0 && !window.get(i).date().equals(window.get(i - 1).date().minusDays(1))) {
				return false;
			}
			if (!breaches(window.get(i).value())) {
				return false;
			}
		}
		if (this.noImprovingTrend && this.consecutiveDays > 1) {
			if (slopePerDay == null) {
				return false;
			}
			boolean improving = this.higherIsBetter ? slopePerDay > 0 : slopePerDay < 0;
			return !improving;
		}
		return true;
	}

	boolean breaches(BigDecimal value) {
		int c = value.compareTo(this.threshold);
		return switch (this.comparator) {
			case "<" -> c < 0;
			case "<=" -> c <= 0;
			case ">" -> c > 0;
			case ">=" -> c >= 0;
			default -> throw new IllegalArgumentException("comparator " + this.comparator);
		};
	}

}
