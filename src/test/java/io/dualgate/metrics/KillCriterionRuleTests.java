package io.dualgate.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KillCriterionRuleTests {

	private final KillCriterionRule accuracyBelow85 = new KillCriterionRule("<", new BigDecimal("85"), 7, true, true);

	private static List<KillCriterionRule.Point> days(double... newestFirst) {
		List<KillCriterionRule.Point> points = new ArrayList<>();
		LocalDate day = LocalDate.of(2026, 6, 30);
		for (double value : newestFirst) {
			points.add(new KillCriterionRule.Point(day, BigDecimal.valueOf(value)));
			day = day.minusDays(1);
		}
		return points;
	}

	@Test
	void sevenDaysBelowThresholdWithNonPositiveSlopeIsMet() {
		assertThat(this.accuracyBelow85.isMet(days(80, 81, 82, 83, 84, 84, 84.5), -0.6)).isTrue();
		assertThat(this.accuracyBelow85.isMet(days(82, 82, 82, 82, 82, 82, 82), 0.0)).isTrue();
	}

	@Test
	void improvingTrendIsNotMet() {
		assertThat(this.accuracyBelow85.isMet(days(84.5, 84, 83, 82, 81, 80, 79), 0.9)).isFalse();
	}

	@Test
	void oneDayAtOrAboveThresholdIsNotMet() {
		assertThat(this.accuracyBelow85.isMet(days(80, 81, 85, 83, 84, 84, 84.5), -0.4)).isFalse();
	}

	@Test
	void fewerDaysOrAGapInTheRunIsNotMet() {
		assertThat(this.accuracyBelow85.isMet(days(80, 81, 82), -1.0)).isFalse();
		List<KillCriterionRule.Point> gap = new ArrayList<>(days(80, 81, 82, 83, 84, 84, 84.5));
		gap.set(6, new KillCriterionRule.Point(LocalDate.of(2026, 6, 1), BigDecimal.valueOf(84.5)));
		assertThat(this.accuracyBelow85.isMet(gap, -1.0)).isFalse();
	}

	@Test
	void forLowerIsBetterMetricsAFallingSlopeIsTheImprovement() {
		KillCriterionRule latencyAbove300 = new KillCriterionRule(">", new BigDecimal("300"), 3, true, false);
		assertThat(latencyAbove300.isMet(days(400, 420, 440), -20.0)).isFalse();
		assertThat(latencyAbove300.isMet(days(440, 420, 400), 20.0)).isTrue();
	}

}
