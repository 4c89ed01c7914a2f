package io.dualgate.people;

import java.time.Clock;

import io.dualgate.audit.AuditLog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Single sign-on exists only when the registration {@code sso} is configured
 * ({@code spring.security.oauth2.client.registration.sso.client-id}); otherwise DualGate
 * signs in with passwords alone, as before. Our lazily discovering registration
 * repository stands in for Spring Boot's, which would contact the provider at start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.security.oauth2.client.registration.sso", name = "client-id")
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class SsoConfiguration {

	@Bean
	SsoRegistrations ssoRegistrations(OAuth2ClientProperties client, SsoProperties properties, Clock clock) {
		return new SsoRegistrations(client, properties, clock);
	}

	@Bean
	SsoAccounts ssoAccounts(UserAccountRepository accounts, AccountDetailsService details,
			PasswordEncoder passwordEncoder, AuditLog auditLog, SsoProperties properties, Clock clock) {
		return new SsoAccounts(accounts, details, passwordEncoder, auditLog, properties, clock);
	}

	@Bean
	SsoLogin ssoLogin(SsoRegistrations registrations, SsoAccounts accounts) {
		return new SsoLogin(registrations, accounts);
	}

	@Bean
	StepUp stepUp(SsoRegistrations registrations, SsoProperties properties, Clock clock) {
		return new StepUp(registrations, properties, clock);
	}

}
