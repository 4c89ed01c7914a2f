package io.dualgate.people;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password login: Argon2id through the delegating encoder, and a lock-out after repeated
 * failures. The password is checked before lock and activity, so that a locked or
 * deactivated account costs the same time as any other and reveals nothing.
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	/** New hashes use Argon2id; bcrypt hashes (older accounts) still verify. */
	static final String ENCODING_ID = "argon2@SpringSecurity_v5_8";

	/**
	 * The memory of Spring Security's Argon2id defaults (16 MiB, 2 iterations, 1 lane):
	 * what new hashes use and what the pool keeps per hashing thread.
	 */
	static final int ARGON2_MEMORY_KIB = 1 << 14;

	/**
	 * Argon2id for new hashes: bcrypt refuses passwords over 72 bytes, and the policy
	 * allows 128 characters (up to 512 bytes in UTF-8). Hashes of the other ids still
	 * verify. Every hash (login, signing, password change) runs on a pool of
	 * {@code dualgate.security.password-hash-threads} threads (default: the cores), see
	 * {@link BoundedPasswordEncoder}.
	 */
	@Bean
	BoundedPasswordEncoder passwordEncoder(
			@Value("${dualgate.security.password-hash-threads:0}") int configuredThreads) {
		int threads = (configuredThreads > 0) ? configuredThreads : Runtime.getRuntime().availableProcessors();
		Map<String, PasswordEncoder> encoders = new HashMap<>();
		encoders.put(ENCODING_ID, new PooledArgon2PasswordEncoder(
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), threads, ARGON2_MEMORY_KIB));
		encoders.put("bcrypt", new BCryptPasswordEncoder());
		DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(ENCODING_ID, encoders);
		return new BoundedPasswordEncoder(delegating, threads);
	}

	@Bean
	DaoAuthenticationProvider passwordAuthenticationProvider(AccountDetailsService details,
			PasswordEncoder passwordEncoder, SsoProperties sso, ObjectProvider<SsoRegistrations> ssoConfigured) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(details);
		provider.setPasswordEncoder(passwordEncoder);
		provider.setPreAuthenticationChecks((user) -> {
			// With single sign-on and local login off, only the break-glass account
			// signs in with a password.
			if (ssoConfigured.getIfAvailable() != null && !sso.mayUsePassword(user.getUsername())) {
				throw new DisabledException("password sign-in is off");
			}
		});
		provider.setPostAuthenticationChecks((user) -> {
			if (!user.isAccountNonLocked()) {
				throw new LockedException("locked");
			}
			if (!user.isEnabled()) {
				throw new DisabledException("disabled");
			}
		});
		return provider;
	}

	@Bean
	LoginAttemptListener loginAttemptListener(People people, SsoProperties sso,
			ObjectProvider<SsoRegistrations> ssoConfigured) {
		return new LoginAttemptListener(people, sso, ssoConfigured);
	}

	static class LoginAttemptListener {

		private final People people;

		private final SsoProperties sso;

		private final ObjectProvider<SsoRegistrations> ssoConfigured;

		LoginAttemptListener(People people, SsoProperties sso, ObjectProvider<SsoRegistrations> ssoConfigured) {
			this.people = people;
			this.sso = sso;
			this.ssoConfigured = ssoConfigured;
		}

		@EventListener
		void onFailure(AuthenticationFailureBadCredentialsEvent event) {
			if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token) {
				this.people.recordFailedLogin(token.getName());
			}
		}

		@EventListener
		void onSuccess(AuthenticationSuccessEvent event) {
			if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token) {
				this.people.recordSuccessfulLogin(token.getName());
				if (this.ssoConfigured.getIfAvailable() != null && this.sso.isBreakGlass(token.getName())) {
					this.people.recordBreakGlassSignIn(token.getName(), this.sso.localLogin());
				}
			}
		}

	}

}
