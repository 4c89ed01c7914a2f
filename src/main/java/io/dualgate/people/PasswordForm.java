package io.dualgate.people;

import jakarta.validation.constraints.NotBlank;

/**
 * A person changing their own password.
 */
record PasswordForm(@NotBlank String currentPassword, String newPassword, String confirmPassword) {

	static PasswordForm empty() {
		return new PasswordForm("", "", "");
	}

}
