package io.dualgate.people;

import java.util.Set;

/**
 * What other modules may know about a person.
 */
public record Person(long id, String username, String fullName, String email, ReportingLine reportingLine,
		Set<Role> roles, boolean active) {

	public boolean holds(Role role) {
		return this.roles.contains(role);
	}

}
