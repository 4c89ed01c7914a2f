package io.dualgate.people;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A session signed in through the OpenID provider. The principal is the same
 * {@link AuthenticatedUser} as after a password login, so every handler reads the person
 * alike; the issuer, subject and ID token stay for step-up re-authentication (the subject
 * must match) and for ending the provider's session at logout.
 */
public final class SsoAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final AuthenticatedUser user;

	private final String issuer;

	private final String subject;

	private final String idToken;

	SsoAuthentication(AuthenticatedUser user, String issuer, String subject, String idToken) {
		super(user.getAuthorities());
		this.user = user;
		this.issuer = issuer;
		this.subject = subject;
		this.idToken = idToken;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public AuthenticatedUser getPrincipal() {
		return this.user;
	}

	public String issuer() {
		return this.issuer;
	}

	public String subject() {
		return this.subject;
	}

	String idToken() {
		return this.idToken;
	}

}
