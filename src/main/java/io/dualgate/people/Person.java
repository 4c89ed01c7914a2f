package io.dualgate.people;

import java.util.Locale;
import java.util.Set;

/**
 * What other modules may know about a person.
 */
public record Person(long id, String username, String fullName, String email, ReportingLine reportingLine,
		Set<Role> roles, boolean active, String language, Long managerId) {

	public boolean holds(Role role) {
		return this.roles.contains(role);
	}

	/** The language the person reads DualGate in (e-mails included). */
	public Locale locale() {
		return Locale.forLanguageTag(this.language);
	}

}
