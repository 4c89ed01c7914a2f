package io.dualgate.gate;

import io.dualgate.people.Role;

/**
 * The two tracks of a gate and the role that signs each.
 */
public enum Track {

	/** The Technical Robustness Confirmation, signed by an Exploration PM. */
	TECHNICAL(Role.EXPLORATION_PM),

	/** The Commercial Readiness Confirmation, signed by a Delivery PM. */
	COMMERCIAL(Role.DELIVERY_PM);

	private final Role signingRole;

	Track(Role signingRole) {
		this.signingRole = signingRole;
	}

	public Role signingRole() {
		return this.signingRole;
	}

	public Track other() {
		return (this == TECHNICAL) ? COMMERCIAL : TECHNICAL;
	}

}
