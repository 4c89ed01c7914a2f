package io.dualgate.portfolio;

import java.util.Optional;

/**
 * Where a prototype stands on its way from the lab to paying customers.
 */
public enum Stage {

	PROTOTYPE, POC, PILOT, PRODUCTION, KILLED;

	/**
	 * The stage a dual-sign gate leads to from here, if any.
	 */
	public Optional<Stage> next() {
		return switch (this) {
			case PROTOTYPE -> Optional.of(POC);
			case POC -> Optional.of(PILOT);
			case PILOT -> Optional.of(PRODUCTION);
			case PRODUCTION, KILLED -> Optional.empty();
		};
	}

}
