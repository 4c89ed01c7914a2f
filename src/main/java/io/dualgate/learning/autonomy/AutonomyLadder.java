package io.dualgate.learning.autonomy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The ladder's rule for taking autonomy back, without anyone signing (safety first): a
 * capability drops one step when a CRITICAL case arrives, or when its acceptance rate
 * over the last K cases received since its level last changed falls below the lower bound
 * of its level. Judged only on evidence that arrived after the previous change, so one
 * piece of evidence never lowers a level twice.
 */
public final class AutonomyLadder {

	private AutonomyLadder() {
	}

	/** Why a level drops. */
	public enum Cause {

		AUTO_CRITICAL, AUTO_ACCEPTANCE

	}

	/**
	 * A step down with its evidence.
	 *
	 * @param acceptedPct the rate over the window (acceptance) or null (critical)
	 * @param criticalCaseIds the CRITICAL cases (critical) or empty
	 */
	public record Demotion(AutonomyLevel from, AutonomyLevel to, Cause cause, BigDecimal acceptedPct, int cases,
			BigDecimal bound, List<String> criticalCaseIds) {

		/**
		 * One line of evidence, for the history, the audit trail and the notification.
		 */
		public String evidence() {
			if (this.cause == Cause.AUTO_CRITICAL) {
				return "CRITICAL case " + String.join(", ", this.criticalCaseIds.stream().limit(5).toList())
						+ ((this.criticalCaseIds.size() > 5) ? " (+" + (this.criticalCaseIds.size() - 5) + ")" : "");
			}
			return "acceptance " + DemotionPolicy.plain(this.acceptedPct) + " % over the last " + this.cases
					+ " cases, below " + DemotionPolicy.plain(this.bound) + " %";
		}

	}

	/**
	 * The acceptance of the latest cases received since the level last changed.
	 *
	 * @param cases how many (at most K)
	 * @param accepted of those, accepted as they were
	 */
	public record Window(int cases, int accepted) {

		public BigDecimal acceptedPct() {
			return BigDecimal.valueOf(this.accepted * 100L)
				.divide(BigDecimal.valueOf(this.cases), 2, RoundingMode.HALF_UP);
		}

	}

	/**
	 * Whether the capability drops a level now.
	 * @param criticalCaseIds CRITICAL cases received since the level last changed
	 * @param window the latest K (or fewer) cases received since then
	 */
	public static Optional<Demotion> judge(AutonomyLevel level, DemotionPolicy policy, List<String> criticalCaseIds,
			Window window) {
		Optional<AutonomyLevel> lower = level.down();
		if (lower.isEmpty()) {
			return Optional.empty();
		}
		if (!criticalCaseIds.isEmpty()) {
			return Optional
				.of(new Demotion(level, lower.get(), Cause.AUTO_CRITICAL, null, 0, null, List.copyOf(criticalCaseIds)));
		}
		BigDecimal bound = policy.lowerBound(level);
		if (window.cases() < policy.windowCases()) {
			return Optional.empty(); // too little evidence since the last change
		}
		BigDecimal rate = window.acceptedPct();
		if (rate.compareTo(bound) < 0) {
			return Optional
				.of(new Demotion(level, lower.get(), Cause.AUTO_ACCEPTANCE, rate, window.cases(), bound, List.of()));
		}
		return Optional.empty();
	}

}
