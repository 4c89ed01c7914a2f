package io.dualgate.audit;

import java.util.Set;

import io.dualgate.web.NavigationLink;
import io.dualgate.web.NavigationLink.Menu;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

	@Bean
	NavigationLink auditTrailLink() {
		return new NavigationLink(99, "/admin/audit", "nav.audit", Set.of("ADMIN", "AUDITOR"), Menu.ADMIN);
	}

}
