package io.dualgate.config;

import io.dualgate.SliceMocks;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.People;
import org.mockito.Answers;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application's own security configuration for {@link io.dualgate.WebSliceTest}
 * (filter chains, {@code @PreAuthorize}, CSRF, headers), with the two services it reads
 * mocked: every session still holds the rights it signed in with (the check of
 * {@code CurrentRightsFilter}), and no API token is known unless a test says so.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class SliceSecurity {

	@Bean
	People people() {
		return SliceMocks.mock(People.class, (invocation) -> {
			if (invocation.getMethod().getName().equals("stillHolds")
					&& invocation.getArguments()[0] instanceof AuthenticatedUser) {
				return true;
			}
			return Answers.RETURNS_DEFAULTS.answer(invocation);
		});
	}

	@Bean
	ApiTokens apiTokens() {
		return SliceMocks.mock(ApiTokens.class);
	}

}
