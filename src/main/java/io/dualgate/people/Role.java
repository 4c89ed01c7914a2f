package io.dualgate.people;

/**
 * What a person may do in DualGate. A person may hold several roles.
 */
public enum Role {

	/** Signs the technical robustness checklist. */
	EXPLORATION_PM,

	/** Signs the commercial readiness checklist. */
	DELIVERY_PM,

	/** Reads everything, changes nothing. */
	EXECUTIVE,

	/** Manages people, roles and checklist templates. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
