package io.dualgate.config;

import java.io.Serial;
import java.util.List;

import io.dualgate.people.AuthenticatedUser;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request that presents a personal API token; authenticated, it carries the token's
 * owner.
 */
class BearerTokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient String token;

	private final AuthenticatedUser user;

	BearerTokenAuthentication(String token) {
		super(List.of());
		this.token = token;
		this.user = null;
		setAuthenticated(false);
	}

	BearerTokenAuthentication(AuthenticatedUser user) {
		super(user.getAuthorities());
		this.token = null;
		this.user = user;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return this.token;
	}

	@Override
	public Object getPrincipal() {
		return this.user;
	}

	@Override
	public String getName() {
		return (this.user != null) ? this.user.getUsername() : "";
	}

}
