package io.dualgate.people;

import java.util.Optional;

/**
 * The password rule (OWASP ASVS 2.1): 12 to 128 characters, counted as people count them
 * (code points), and not the username.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	/**
	 * Returns the message code of the first rule the password breaks, if any.
	 */
	static Optional<String> violation(String password, String username) {
		if (password == null || password.isEmpty()) {
			return Optional.of("password.required");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		if (username != null && password.equalsIgnoreCase(username)) {
			return Optional.of("password.sameAsUsername");
		}
		return Optional.empty();
	}

}
