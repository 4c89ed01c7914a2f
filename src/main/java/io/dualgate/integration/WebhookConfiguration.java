package io.dualgate.integration;

import java.util.Set;

import io.dualgate.web.NavigationLink;
import io.dualgate.web.NavigationLink.Menu;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

	@Bean
	NavigationLink webhooksLink() {
		return new NavigationLink(94, "/admin/webhooks", "nav.webhooks", Set.of("ADMIN", "AUDITOR"), Menu.ADMIN);
	}

}
