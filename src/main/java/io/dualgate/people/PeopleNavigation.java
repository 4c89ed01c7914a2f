package io.dualgate.people;

import java.util.Set;

import io.dualgate.web.NavigationLink;
import io.dualgate.web.NavigationLink.Menu;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PeopleNavigation {

	@Bean
	NavigationLink delegationsLink() {
		return new NavigationLink(92, "/admin/delegations", "nav.delegations", Set.of("ADMIN", "AUDITOR"), Menu.ADMIN);
	}

	@Bean
	NavigationLink peopleLink() {
		return new NavigationLink(90, "/admin/users", "nav.users", Set.of("ADMIN", "AUDITOR"), Menu.ADMIN);
	}

}
