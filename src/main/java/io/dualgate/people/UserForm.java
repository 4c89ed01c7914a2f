package io.dualgate.people;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin types to create or edit an account. The password is only used on
 * creation; the version guards against overwriting someone else's edit.
 */
record UserForm(
		@NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$",
				message = "{user.username.pattern}") String username,
		@NotBlank @Size(max = 200) String fullName, @NotBlank @Email @Size(max = 254) String email,
		@NotNull ReportingLine reportingLine, @NotEmpty(message = "{user.roles.required}") Set<Role> roles,
		String password, Long version, Long managerId, Boolean ssoLinkAllowed) {

	/** The create form has no such box: absent means not allowed. */
	UserForm {
		ssoLinkAllowed = Boolean.TRUE.equals(ssoLinkAllowed);
	}

	UserForm(String username, String fullName, String email, ReportingLine reportingLine, Set<Role> roles,
			String password, Long version) {
		this(username, fullName, email, reportingLine, roles, password, version, null, false);
	}

	static UserForm empty() {
		return new UserForm("", "", "", ReportingLine.OTHER, Set.of(), "", null, null, false);
	}

	static UserForm of(UserAccount account) {
		return new UserForm(account.getUsername(), account.getFullName(), account.getEmail(),
				account.getReportingLine(), Set.copyOf(account.getRoles()), "", account.getVersion(),
				account.getManagerId(), account.isSsoLinkAllowed());
	}

}
