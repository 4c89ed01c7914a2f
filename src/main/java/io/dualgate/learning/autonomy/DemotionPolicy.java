package io.dualgate.learning.autonomy;

import java.math.BigDecimal;

import io.dualgate.shared.Decimals;
import io.dualgate.shared.InvalidFieldException;

/**
 * When a capability loses a level without anyone signing: its acceptance rate over the
 * last {@code windowCases} cases received since its level last changed falls below the
 * lower bound of its level. Each lower bound sits below the bound that raised the
 * capability to that level (hysteresis), so a level does not flap between two
 * neighbouring rates.
 *
 * @param windowCases K, the cases the rate is taken over
 * @param draftBelowPct the lower bound at DRAFT_FOR_REVIEW
 * @param actBelowPct the lower bound at ACT
 */
public record DemotionPolicy(int windowCases, BigDecimal draftBelowPct, BigDecimal actBelowPct) {

	public static final DemotionPolicy DEFAULT = new DemotionPolicy(50, new BigDecimal("80"), new BigDecimal("90"));

	public static final int MIN_WINDOW = 10;

	public static final int MAX_WINDOW = 1000;

	/** The lower bound at a level (none at SUGGEST: there is nothing below). */
	public BigDecimal lowerBound(AutonomyLevel level) {
		return switch (level) {
			case SUGGEST -> null;
			case DRAFT_FOR_REVIEW -> this.draftBelowPct;
			case ACT -> this.actBelowPct;
		};
	}

	/**
	 * Refuses a policy that would let a level flap: a window out of range, a bound
	 * outside 0-100, or a lower bound at or above the bound that raises a capability to
	 * that level.
	 * @param raiseToDraftPct the acceptance rate the checklist in force asks to reach
	 * DRAFT_FOR_REVIEW (null: no such item)
	 * @param raiseToActPct the same to reach ACT
	 */
	public void check(BigDecimal raiseToDraftPct, BigDecimal raiseToActPct) {
		if (this.windowCases < MIN_WINDOW || this.windowCases > MAX_WINDOW) {
			throw new InvalidFieldException("windowCases", "autonomy.policy.windowRange", MIN_WINDOW, MAX_WINDOW);
		}
		percent(this.draftBelowPct, "draftBelowPct");
		percent(this.actBelowPct, "actBelowPct");
		if (raiseToDraftPct != null && this.draftBelowPct.compareTo(raiseToDraftPct) >= 0) {
			throw new InvalidFieldException("draftBelowPct", "autonomy.policy.inverted", plain(this.draftBelowPct),
					plain(raiseToDraftPct));
		}
		if (raiseToActPct != null && this.actBelowPct.compareTo(raiseToActPct) >= 0) {
			throw new InvalidFieldException("actBelowPct", "autonomy.policy.inverted", plain(this.actBelowPct),
					plain(raiseToActPct));
		}
	}

	private static void percent(BigDecimal value, String field) {
		if (value == null) {
			throw new InvalidFieldException(field, "learning.field.required");
		}
		if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0
				|| value.stripTrailingZeros().scale() > Decimals.PERCENT.scale()) {
			throw new InvalidFieldException(field, "autonomy.policy.percent", plain(value));
		}
	}

	static String plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return ((stripped.scale() < 0) ? stripped.setScale(0) : stripped).toPlainString();
	}

}
