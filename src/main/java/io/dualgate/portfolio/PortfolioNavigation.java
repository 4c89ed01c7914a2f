package io.dualgate.portfolio;

import java.util.Set;

import io.dualgate.web.NavigationLink;
import io.dualgate.web.NavigationLink.Menu;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PortfolioNavigation {

	@Bean
	NavigationLink prototypesLink() {
		return new NavigationLink(10, "/prototypes", "nav.prototypes", Set.of());
	}

	@Bean
	NavigationLink expiringEvidenceLink() {
		return new NavigationLink(43, "/evidence/expiring", "nav.evidence.expiring", Set.of(), Menu.EVIDENCE);
	}

}
