package io.dualgate.learning.autonomy;

import java.math.BigDecimal;
import java.util.List;

import io.dualgate.learning.autonomy.AutonomyLadder.Cause;
import io.dualgate.learning.autonomy.AutonomyLadder.Window;
import io.dualgate.shared.InvalidFieldException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ladder's rules: one step down on a critical case or a fallen acceptance rate, never
 * below SUGGEST, not on too little evidence; lower bounds that would make a level flap
 * are refused.
 */
class AutonomyLadderTests {

	private static final DemotionPolicy POLICY = DemotionPolicy.DEFAULT;

	@Test
	void aCriticalCaseTakesOneStepBackAtOnce() {
		var demotion = AutonomyLadder.judge(AutonomyLevel.ACT, POLICY, List.of("c-17"), new Window(3, 3)).orElseThrow();
		assertThat(demotion.to()).isEqualTo(AutonomyLevel.DRAFT_FOR_REVIEW);
		assertThat(demotion.cause()).isEqualTo(Cause.AUTO_CRITICAL);
		assertThat(demotion.evidence()).isEqualTo("CRITICAL case c-17");
		assertThat(AutonomyLadder.judge(AutonomyLevel.DRAFT_FOR_REVIEW, POLICY, List.of("a", "b"), new Window(0, 0))
			.orElseThrow()
			.to()).as("one step, however many critical cases").isEqualTo(AutonomyLevel.SUGGEST);
		assertThat(AutonomyLadder.judge(AutonomyLevel.SUGGEST, POLICY, List.of("c-1"), new Window(1, 0)))
			.as("nothing below suggest")
			.isEmpty();
	}

	@Test
	void aFallenAcceptanceRateOverTheLastKCasesTakesOneStepBack() {
		var demotion = AutonomyLadder.judge(AutonomyLevel.ACT, POLICY, List.of(), new Window(50, 44)).orElseThrow();
		assertThat(demotion.to()).isEqualTo(AutonomyLevel.DRAFT_FOR_REVIEW);
		assertThat(demotion.cause()).isEqualTo(Cause.AUTO_ACCEPTANCE);
		assertThat(demotion.acceptedPct()).isEqualByComparingTo("88.00");
		assertThat(demotion.evidence()).isEqualTo("acceptance 88 % over the last 50 cases, below 90 %");
		assertThat(AutonomyLadder.judge(AutonomyLevel.ACT, POLICY, List.of(), new Window(50, 45))).as("90 % holds")
			.isEmpty();
	}

	@Test
	void hysteresisKeepsALevelThatWouldNotBeEarnedAgainButHasNotFallenBelowItsBound() {
		// 85 % would not raise a capability to draft for review (90 %), but does not take
		// it back from there either (80 %): the level does not flap.
		assertThat(AutonomyLadder.judge(AutonomyLevel.DRAFT_FOR_REVIEW, POLICY, List.of(), new Window(50, 43)))
			.isEmpty();
		assertThat(AutonomyLadder.judge(AutonomyLevel.DRAFT_FOR_REVIEW, POLICY, List.of(), new Window(50, 39)))
			.isPresent();
	}

	@Test
	void tooLittleEvidenceSinceTheLastChangeLowersNothing() {
		assertThat(AutonomyLadder.judge(AutonomyLevel.ACT, POLICY, List.of(), new Window(49, 0))).isEmpty();
	}

	@Test
	void lowerBoundsAtOrAboveTheRaisingRateAreRefused() {
		BigDecimal toDraft = new BigDecimal("90");
		BigDecimal toAct = new BigDecimal("95");
		POLICY.check(toDraft, toAct);
		assertThatThrownBy(
				() -> new DemotionPolicy(50, new BigDecimal("90"), new BigDecimal("90")).check(toDraft, toAct))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo("draftBelowPct");
				assertThat(ex.messageCode()).isEqualTo("autonomy.policy.inverted");
			});
		assertThatThrownBy(
				() -> new DemotionPolicy(50, new BigDecimal("80"), new BigDecimal("96")).check(toDraft, toAct))
			.isInstanceOfSatisfying(InvalidFieldException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("actBelowPct"));
		assertThatThrownBy(
				() -> new DemotionPolicy(5, new BigDecimal("80"), new BigDecimal("90")).check(toDraft, toAct))
			.isInstanceOfSatisfying(InvalidFieldException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("windowCases"));
		assertThatThrownBy(
				() -> new DemotionPolicy(50, new BigDecimal("-1"), new BigDecimal("90")).check(toDraft, toAct))
			.isInstanceOfSatisfying(InvalidFieldException.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("autonomy.policy.percent"));
	}

}
