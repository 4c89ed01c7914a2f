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
	ADMIN,

	/**
	 * Reads everything, the audit trail and records included, and changes nothing: every
	 * write answers 403. Held alone, never with another role.
	 */
	AUDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

}
