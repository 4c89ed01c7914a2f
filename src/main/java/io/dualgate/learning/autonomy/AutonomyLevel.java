package io.dualgate.learning.autonomy;

import java.util.Optional;

/**
 * How much a capability may do on its own, earned step by step: it suggests, it drafts
 * for a person to review, it acts. Raised one step at a time through an autonomy gate;
 * lowered automatically when the evidence turns, or by a person's hand.
 */
public enum AutonomyLevel {

	/** Suggests; a person does the work. */
	SUGGEST,

	/** Drafts; a person reviews every draft before it takes effect. */
	DRAFT_FOR_REVIEW,

	/** Acts; people sample its work after the fact. */
	ACT;

	public Optional<AutonomyLevel> up() {
		return (this == ACT) ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
	}

	public Optional<AutonomyLevel> down() {
		return (this == SUGGEST) ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
	}

	public boolean above(AutonomyLevel other) {
		return ordinal() > other.ordinal();
	}

}
