package io.dualgate.metrics;

import java.util.Set;

import io.dualgate.web.NavigationLink;
import io.dualgate.web.NavigationLink.Menu;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MetricsNavigation {

	@Bean
	NavigationLink metricsLink() {
		return new NavigationLink(40, "/metrics", "nav.metrics", Set.of(), Menu.EVIDENCE);
	}

	@Bean
	NavigationLink uploadLink() {
		return new NavigationLink(41, "/observations/upload", "nav.observations.upload",
				Set.of("EXPLORATION_PM", "DELIVERY_PM", "ADMIN"), Menu.EVIDENCE);
	}

	@Bean
	NavigationLink killCriteriaLink() {
		return new NavigationLink(42, "/kill-criteria", "nav.killCriteria", Set.of(), Menu.EVIDENCE);
	}

}
