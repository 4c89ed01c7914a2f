package io.dualgate.portfolio;

import java.util.Set;

import io.dualgate.web.NavigationLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PortfolioNavigation {

	@Bean
	NavigationLink expiringEvidenceLink() {
		return new NavigationLink(43, "/evidence/expiring", "nav.evidence.expiring", Set.of());
	}

}
