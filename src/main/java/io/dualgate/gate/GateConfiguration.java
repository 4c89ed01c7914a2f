package io.dualgate.gate;

import java.util.List;
import java.util.Set;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypePageSection;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.portfolio.Stage;
import io.dualgate.web.NavigationLink;
import io.dualgate.web.NavigationLink.Menu;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ui.Model;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GateProperties.class)
class GateConfiguration {

	@Bean
	NavigationLink gatesLink() {
		return new NavigationLink(20, "/gates", "nav.gates", Set.of());
	}

	@Bean
	NavigationLink myQueueLink() {
		return new NavigationLink(21, "/gates/queue", "nav.gates.queue", Set.of("EXPLORATION_PM", "DELIVERY_PM"));
	}

	@Bean
	NavigationLink templatesLink() {
		return new NavigationLink(91, "/admin/templates", "nav.templates", Set.of("ADMIN", "AUDITOR"), Menu.ADMIN);
	}

	/** The prototype page lists its gates and offers to open the next one. */
	@Bean
	PrototypePageSection gatesSection(Gates gates) {
		return new PrototypePageSection() {

			@Override
			public int order() {
				return 10;
			}

			@Override
			public String fragment() {
				return "gate/sections :: gates";
			}

			@Override
			public void populate(PrototypeView prototype, AuthenticatedUser viewer, Model model) {
				List<GateView> list = gates.forPrototype(prototype.id());
				model.addAttribute("prototypeGates", list);
				boolean noneOpen = list.stream().noneMatch(GateView::open);
				boolean hasNext = prototype.stage() != Stage.KILLED && prototype.stage().next().isPresent();
				model.addAttribute("canOpenGate", noneOpen && hasNext && prototype.isPm(viewer.id()));
				model.addAttribute("gatePrototypeKey", prototype.key());
			}

		};
	}

}
