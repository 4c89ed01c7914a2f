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

	@Bean
	AccountDetailsService accountDetailsService() {
		return SliceMocks.mock(AccountDetailsService.class);
	}

}
