package io.dualgate.learning.autonomy;

import java.util.List;

import io.dualgate.gate.GateView;

/**
 * One capability on the autonomy page: its level, the evidence the ladder judges it on
 * now, its lower bounds, its open autonomy gate (if any) and its history.
 */
public record CapabilityAutonomy(CapabilityView capability, DemotionPolicy policy, AutonomyLadder.Window window,
		GateView openGate, List<LevelChangeView> history) {

	/** The acceptance rate over the window, or null without a case. */
	public java.math.BigDecimal windowRate() {
		return (this.window.cases() > 0) ? this.window.acceptedPct() : null;
	}

	/** The lower bound of the current level, or null at SUGGEST. */
	public java.math.BigDecimal lowerBound() {
		return this.policy.lowerBound(this.capability.level());
	}

}
