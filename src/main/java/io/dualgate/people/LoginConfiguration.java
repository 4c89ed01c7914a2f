package io.dualgate.people;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password login: bcrypt through the delegating encoder, and a lock-out after repeated failures.
 * The password is checked before lock and activity, so that a locked or deactivated account
 * costs the same time as any other and reveals nothing.
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	DaoAuthenticationProvider passwordAuthenticationProvider(AccountDetailsService details,
			PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(details);
		provider.setPasswordEncoder(passwordEncoder);
		provider.setPreAuthenticationChecks((user) -> {
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
	LoginAttemptListener loginAttemptListener(People people) {
		return new LoginAttemptListener(people);
	}

	static class LoginAttemptListener {

		private final People people;

		LoginAttemptListener(People people) {
			this.people = people;
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
			}
		}

	}

}
