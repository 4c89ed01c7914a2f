package io.dualgate.learning;

import java.util.List;
import java.util.Set;

import io.dualgate.learning.okr.OkrScorecards;
import io.dualgate.learning.okr.OkrView;
import io.dualgate.learning.okr.Okrs;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypePageSection;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.web.NavigationLink;
import io.dualgate.web.NavigationLink.Menu;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ui.Model;

@Configuration(proxyBeanMethods = false)
class LearningConfiguration {

	@Bean
	NavigationLink okrsLink() {
		return new NavigationLink(45, "/okrs", "nav.okrs", Set.of(), Menu.EVIDENCE);
	}

	/**
	 * On the prototype page, for those who may read it: the quarter's shared OKRs beside
	 * each track's own scorecard, and the way to the rest of the loop.
	 */
	@Bean
	PrototypePageSection learningSection(Okrs okrs, OkrScorecards scorecards, LearningAccess access) {
		return new PrototypePageSection() {

			@Override
			public int order() {
				return 5;
			}

			@Override
			public String fragment() {
				return "learning/fragments :: loop";
			}

			@Override
			public void populate(PrototypeView prototype, AuthenticatedUser viewer, Model model) {
				boolean readable = access.mayRead(prototype, viewer);
				model.addAttribute("learningReadable", readable);
				if (!readable) {
					return;
				}
				List<OkrView> all = okrs.forPrototype(prototype.key(), viewer);
				String current = okrs.currentQuarter().toString();
				List<OkrView> shown = all.stream().filter((okr) -> okr.period().equals(current)).toList();
				model.addAttribute("learningOkrs", shown.isEmpty() ? all.stream().limit(2).toList() : shown);
				model.addAttribute("learningScorecards", scorecards.of(prototype));
				model.addAttribute("learningKey", prototype.key());
			}

		};
	}

}
