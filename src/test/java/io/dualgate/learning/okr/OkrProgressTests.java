package io.dualgate.learning.okr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.dualgate.learning.okr.OkrProgress.KeyResultStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule behind every key result's progress bar and every objective's status.
 */
class OkrProgressTests {

	private static final LocalDate START = LocalDate.of(2026, 7, 1);

	private static final LocalDate DEADLINE = LocalDate.of(2026, 9, 30);

	/** Half of the quarter gone. */
	private static final LocalDate MIDWAY = START.plusDays(45);

	private static OkrProgress progress(String baseline, String target, String stretch, String current,
			LocalDate today) {
		return OkrProgress.of(new BigDecimal(baseline), new BigDecimal(target),
				(stretch != null) ? new BigDecimal(stretch) : null, (current != null) ? new BigDecimal(current) : null,
				START, DEADLINE, today);
	}

	@Test
	void progressRunsFromBaselineToTargetAndStopsAtAHundred() {
		assertThat(progress("85", "92", null, "88.5", MIDWAY).progressPct()).isEqualByComparingTo("50.0");
		assertThat(progress("85", "92", null, "85", MIDWAY).progressPct()).isEqualByComparingTo("0.0");
		assertThat(progress("85", "92", null, "80", MIDWAY).progressPct()).as("below the baseline")
			.isEqualByComparingTo("0.0");
		OkrProgress beyond = progress("85", "92", null, "97", MIDWAY);
		assertThat(beyond.progressPct()).isEqualByComparingTo("100.0");
		assertThat(beyond.met()).isTrue();
		assertThat(beyond.stretchPct()).as("no stretch stated").isNull();
	}

	@Test
	void beyondTheTargetTheWayToTheStretchShowsSeparately() {
		OkrProgress met = progress("85", "92", "95", "93.5", MIDWAY);
		assertThat(met.progressPct()).isEqualByComparingTo("100.0");
		assertThat(met.stretchPct()).isEqualByComparingTo("50.0");
		assertThat(progress("85", "92", "95", "99", MIDWAY).stretchPct()).isEqualByComparingTo("100.0");
		assertThat(progress("85", "92", "95", "90", MIDWAY).stretchPct()).as("not met yet").isNull();
	}

	@Test
	void aMetricThatShouldFallProgressesAsItFalls() {
		// RAG latency from 400 ms to 300 ms: 350 ms is half way.
		OkrProgress latency = progress("400", "300", "250", "350", MIDWAY);
		assertThat(latency.progressPct()).isEqualByComparingTo("50.0");
		assertThat(latency.status()).isEqualTo(KeyResultStatus.ON_TRACK);
		assertThat(progress("400", "300", "250", "275", MIDWAY).stretchPct()).isEqualByComparingTo("50.0");
		assertThat(progress("400", "300", null, "450", MIDWAY).progressPct()).isEqualByComparingTo("0.0");
	}

	@Test
	void statusComparesProgressWithTheTimeGoneBy() {
		assertThat(progress("0", "100", null, "42", MIDWAY).status()).as("8 points behind")
			.isEqualTo(KeyResultStatus.ON_TRACK);
		assertThat(progress("0", "100", null, "30", MIDWAY).status()).as("about 20 points behind")
			.isEqualTo(KeyResultStatus.AT_RISK);
		assertThat(progress("0", "100", null, "10", MIDWAY).status()).as("about 40 points behind")
			.isEqualTo(KeyResultStatus.OFF_TRACK);
		assertThat(progress("0", "100", null, null, MIDWAY).status()).isEqualTo(KeyResultStatus.NO_DATA);
		assertThat(progress("0", "100", null, "99", DEADLINE.plusDays(1)).status()).as("deadline passed, not met")
			.isEqualTo(KeyResultStatus.OFF_TRACK);
		assertThat(progress("0", "100", null, "100", DEADLINE.plusDays(1)).status()).as("met")
			.isEqualTo(KeyResultStatus.ON_TRACK);
		assertThat(progress("0", "100", null, "0", START).status()).as("nothing expected on day one")
			.isEqualTo(KeyResultStatus.ON_TRACK);
	}

	@Test
	void anObjectiveIsAsWellAsItsWorstKeyResultAndItsPmsConfidence() {
		assertThat(OkrProgress.objective(List.of(KeyResultStatus.ON_TRACK, KeyResultStatus.ON_TRACK), List.of(8, 7)))
			.isEqualTo(OkrStatus.ON_TRACK);
		assertThat(OkrProgress.objective(List.of(KeyResultStatus.ON_TRACK, KeyResultStatus.NO_DATA), List.of()))
			.isEqualTo(OkrStatus.AT_RISK);
		assertThat(OkrProgress.objective(List.of(KeyResultStatus.AT_RISK, KeyResultStatus.OFF_TRACK), List.of(9)))
			.isEqualTo(OkrStatus.OFF_TRACK);
		assertThat(OkrProgress.objective(List.of(KeyResultStatus.ON_TRACK), List.of(8, 4)))
			.as("a PM's latest confidence below 5")
			.isEqualTo(OkrStatus.AT_RISK);
	}

}
