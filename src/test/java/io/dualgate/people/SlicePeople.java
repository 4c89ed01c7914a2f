package io.dualgate.people;

import io.dualgate.SliceMocks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The people module's pages and API in a {@link io.dualgate.WebSliceTest}. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ DelegationAdminController.class, DelegationApiController.class, LoginController.class,
		ProfileController.class, TokenApiController.class, UserAdminController.class })
public class SlicePeople {

	@Bean
	Delegations delegations() {
		return SliceMocks.mock(Delegations.class);
	}

	@Bean
	UserAdministration userAdministration() {
		return SliceMocks.mock(UserAdministration.class);
	}

	/** Single sign-on off, local login on: the defaults. */
	@Bean
	SsoProperties ssoProperties() {
		return new SsoProperties("groups", java.util.Map.of(), true, null, java.time.Duration.ofMinutes(5),
				java.time.Duration.ofSeconds(30));
	}

	@Bean
	AccountDetailsService accountDetailsService() {
		return SliceMocks.mock(AccountDetailsService.class);
	}

}
