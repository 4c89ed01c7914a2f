package io.dualgate.frameworks;

import java.util.Set;

import io.dualgate.web.NavigationLink;
import io.dualgate.web.NavigationLink.Menu;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FrameworksConfiguration {

	@Bean
	NavigationLink frameworksLink() {
		return new NavigationLink(44, "/frameworks", "nav.frameworks", Set.of(), Menu.EVIDENCE);
	}

	@Bean
	NavigationLink frameworksAdminLink() {
		return new NavigationLink(93, "/admin/frameworks", "nav.frameworks.admin", Set.of("ADMIN"), Menu.ADMIN);
	}

}
