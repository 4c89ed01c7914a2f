package io.dualgate.learning.valuemap;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.dualgate.alignment.Elasticities.Elasticity;
import io.dualgate.learning.valuemap.ClaimCheck.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim beside the measured slope: inside its 95 % interval it is supported, outside it
 * is contradicted; a falling first metric turns the interval around.
 */
class ClaimCheckTests {

	/** NPS falls 0.075 points per ms of latency, 95 %: -0.085 to -0.065. */
	private static final Elasticity NPS_PER_MS = new Elasticity(40, -0.075, 62, -0.085, -0.065, 0.9,
			LocalDate.of(2026, 1, 5), LocalDate.of(2026, 10, 5));

	@Test
	void aClaimInsideTheIntervalIsSupported() {
		ClaimCheck check = ClaimCheck.of(new BigDecimal("-100"), new BigDecimal("7.5"), NPS_PER_MS);
		assertThat(check.verdict()).isEqualTo(Verdict.SUPPORTED);
		assertThat(check.measuredChange()).isCloseTo(7.5, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(check.low()).isCloseTo(6.5, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(check.high()).isCloseTo(8.5, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(check.weeks()).isEqualTo(40);
	}

	@Test
	void aClaimOutsideTheIntervalIsContradictedWhicheverSideItFallsOn() {
		assertThat(ClaimCheck.of(new BigDecimal("-100"), new BigDecimal("12"), NPS_PER_MS).contradicted()).isTrue();
		assertThat(ClaimCheck.of(new BigDecimal("-100"), new BigDecimal("2.3"), NPS_PER_MS).contradicted()).isTrue();
		assertThat(ClaimCheck.of(new BigDecimal("100"), new BigDecimal("-7.5"), NPS_PER_MS).verdict())
			.as("the same claim stated the other way round")
			.isEqualTo(Verdict.SUPPORTED);
	}

	@Test
	void withoutAMeasurementThereIsNoVerdictOnTheData() {
		assertThat(ClaimCheck.of(BigDecimal.ONE, BigDecimal.TEN, null).verdict()).isEqualTo(Verdict.TOO_FEW_WEEKS);
		assertThat(ClaimCheck.assumption().verdict()).isEqualTo(Verdict.ASSUMPTION);
	}

}
