package io.dualgate.frameworks;

import java.util.Set;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypePageSection;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.web.NavigationLink;
import io.dualgate.web.NavigationLink.Menu;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ui.Model;

@Configuration(proxyBeanMethods = false)
class FrameworksConfiguration {

	@Bean
	NavigationLink frameworksLink() {
		return new NavigationLink(44, "/frameworks", "nav.frameworks", Set.of(), Menu.EVIDENCE);
	}

	/**
	 * The prototype page says how far its gates cover the frameworks and links the page.
	 */
	@Bean
	PrototypePageSection coverageSection(Coverage coverage) {
		return new PrototypePageSection() {

			@Override
			public int order() {
				return 15;
			}

			@Override
			public String fragment() {
				return "frameworks/section :: coverage";
			}

			@Override
			public void populate(PrototypeView prototype, AuthenticatedUser viewer, Model model) {
				model.addAttribute("coverageReport", coverage.report(prototype.key()));
				model.addAttribute("coverageStatuses", CoverageStatus.values());
			}

		};
	}

	@Bean
	NavigationLink frameworksAdminLink() {
		return new NavigationLink(93, "/admin/frameworks", "nav.frameworks.admin", Set.of("ADMIN"), Menu.ADMIN);
	}

}
