package io.dualgate.alignment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Inference against values computed independently (SciPy 1.17: {@code stats.t.sf},
 * {@code stats.norm.ppf}).
 */
class CorrelationInferenceTests {

	@Test
	void pValueMatchesTheTDistributionWithNMinusTwoDegreesOfFreedom() {
		assertThat(CorrelationInference.pValue(0.5, 10)).isCloseTo(0.14111328125000006, within(1e-9));
		assertThat(CorrelationInference.pValue(-0.9, 5)).isCloseTo(0.03738607346849862, within(1e-9));
		assertThat(CorrelationInference.pValue(0.3, 50)).isCloseTo(0.03428618003292997, within(1e-9));
	}

	@Test
	void intervalIsFishersZBackTransformed() {
		assertThat(CorrelationInference.interval95(0.5, 10))
			.containsExactly(new double[] { -0.18918387068441586, 0.8591534852092955 }, within(1e-9));
		assertThat(CorrelationInference.interval95(-0.9, 5))
			.containsExactly(new double[] { -0.9934375159687521, -0.08610194023847766 }, within(1e-9));
		assertThat(CorrelationInference.interval95(0.3, 50))
			.containsExactly(new double[] { 0.023625077388833595, 0.5337751868855202 }, within(1e-9));
	}

	@Test
	void perfectCorrelationHasZeroPValueAndADegenerateInterval() {
		assertThat(CorrelationInference.pValue(1.0, 6)).isZero();
		assertThat(CorrelationInference.interval95(-1.0, 6)).containsExactly(-1.0, -1.0);
	}

	@Test
	void fewerThanThreePointsGiveNoFigures() {
		assertThat(CorrelationInference.pValue(0.9, 2)).isNull();
		assertThat(CorrelationInference.interval95(0.9, 3)).isNull();
		PairStatistics statistics = PairStatistics.of(pair(0.85, Direction.POSITIVE), 2, 1.0, 1.0, 2.0, 0.0, 1.0);
		assertThat(statistics.status()).isEqualTo(PairStatus.TOO_FEW_POINTS);
		assertThat(statistics.pearsonR()).isNull();
		assertThat(statistics.slope()).isNull();
		assertThat(statistics.message()).contains("Too few points");
	}

	@Test
	void correlationTargetIsMetOnlyAboveTheThresholdInTheExpectedDirection() {
		PairDefinition positive = pair(0.85, Direction.POSITIVE);
		assertThat(PairStatistics.of(positive, 20, 0.86, 0.8, 1.0, 0.0, 0.74).status()).isEqualTo(PairStatus.MET);
		assertThat(PairStatistics.of(positive, 20, 0.85, 0.8, 1.0, 0.0, 0.72).status()).isEqualTo(PairStatus.NOT_MET);
		assertThat(PairStatistics.of(positive, 20, -0.95, -0.9, -1.0, 0.0, 0.9).status()).isEqualTo(PairStatus.NOT_MET);
	}

	@Test
	void regressionTargetNeedsASignificantSlopeInTheExpectedDirection() {
		PairDefinition negative = pair(null, Direction.NEGATIVE);
		assertThat(PairStatistics.of(negative, 50, -0.3, -0.3, -2.0, 10.0, 0.09).status()).isEqualTo(PairStatus.MET);
		assertThat(PairStatistics.of(negative, 10, -0.5, -0.5, -2.0, 10.0, 0.25).status())
			.isEqualTo(PairStatus.NOT_MET);
		assertThat(PairStatistics.of(negative, 50, 0.3, 0.3, 2.0, 10.0, 0.09).status()).isEqualTo(PairStatus.NOT_MET);
	}

	@Test
	void undefinedCorrelationSaysThereIsNoVariation() {
		PairStatistics statistics = PairStatistics.of(pair(0.85, Direction.POSITIVE), 5, null, null, null, null, null);
		assertThat(statistics.status()).isEqualTo(PairStatus.NO_VARIATION);
	}

	private static PairDefinition pair(Double target, Direction direction) {
		return new PairDefinition(1, 1, "benchmark_score", Transform.LEVEL, "task_completion_rate_pct", Transform.LEVEL,
				(target != null) ? PairKind.CORRELATION : PairKind.REGRESSION, direction, target, 0);
	}

}
