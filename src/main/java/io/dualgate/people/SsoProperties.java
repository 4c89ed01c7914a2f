package io.dualgate.people;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through OpenID Connect ({@code dualgate.sso.*}); the provider itself is
 * Spring Boot's registration {@code sso} ({@code spring.security.oauth2.client.*}).
 *
 * @param rolesClaim the ID token (or user info) claim whose values map to roles
 * @param roleMapping claim value to role, e.g.
 * {@code dualgate-exploration=EXPLORATION_PM}
 * @param localLogin whether people may still sign in with a password; when off, only the
 * break-glass account may, and every use is audited
 * @param breakGlassUsername the one local account that signs in with a password when
 * local login is off
 * @param stepUpMaxAge how recent the provider's {@code auth_time} must be for a signature
 * @param availabilityCheck how long the answer "is the provider reachable" is reused
 */
@ConfigurationProperties("dualgate.sso")
public record SsoProperties(@DefaultValue("groups") String rolesClaim, Map<String, Role> roleMapping,
		@DefaultValue("true") boolean localLogin, String breakGlassUsername, @DefaultValue("5m") Duration stepUpMaxAge,
		@DefaultValue("30s") Duration availabilityCheck) {

	public SsoProperties {
		roleMapping = (roleMapping != null) ? Map.copyOf(roleMapping) : Map.of();
		if (!localLogin && (breakGlassUsername == null || breakGlassUsername.isBlank())) {
			throw new IllegalStateException("dualgate.sso.local-login=false needs dualgate.sso.break-glass-username:"
					+ " the one administrator who can still sign in when the provider is down");
		}
	}

	/** Whether this username may sign in with a password. */
	boolean mayUsePassword(String username) {
		return this.localLogin || isBreakGlass(username);
	}

	boolean isBreakGlass(String username) {
		return this.breakGlassUsername != null && this.breakGlassUsername.equalsIgnoreCase(username);
	}

}
