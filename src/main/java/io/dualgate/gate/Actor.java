package io.dualgate.gate;

import java.util.Set;

import io.dualgate.people.Person;
import io.dualgate.people.Role;

/**
 * The person acting on a gate, as the server knows them (never taken from the request).
 */
record Actor(long id, String username, String fullName, Set<Role> roles) {

	static Actor of(Person person) {
		return new Actor(person.id(), person.username(), person.fullName(), person.roles());
	}

	boolean holds(Role role) {
		return this.roles.contains(role);
	}

}
