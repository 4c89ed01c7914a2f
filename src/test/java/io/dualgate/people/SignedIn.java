package io.dualgate.people;

import java.util.Set;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Signed-in people for {@code @WebMvcTest} slices, without a database: the principal the
 * application's login would have put into the session.
 */
public final class SignedIn {

	private SignedIn() {
	}

	/** A person with the given id, username and roles. */
	public static AuthenticatedUser person(long id, String username, Role... roles) {
		return new AuthenticatedUser(id, username, "Test " + username, Set.of(roles), true, false, 0, null);
	}

	/** The request made by that person. */
	public static RequestPostProcessor as(AuthenticatedUser person) {
		return user(person);
	}

	public static RequestPostProcessor as(long id, String username, Role... roles) {
		return as(person(id, username, roles));
	}

}
