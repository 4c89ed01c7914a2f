package io.dualgate.people;

/**
 * What a PM may hand to someone else for a while: the signing of their gate track. Named
 * like the gate's tracks, held by the same roles.
 */
public enum SigningAuthority {

	/** The technical track, signed by an Exploration PM. */
	TECHNICAL(Role.EXPLORATION_PM),

	/** The commercial track, signed by a Delivery PM. */
	COMMERCIAL(Role.DELIVERY_PM);

	private final Role role;

	SigningAuthority(Role role) {
		this.role = role;
	}

	public Role role() {
		return this.role;
	}

}
