package io.dualgate.learning.evals;

import java.util.List;

import io.dualgate.learning.LearningAccess;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Release readiness of a prototype: what a deploy pipeline would be told now, the eval
 * runs from CI, and (from the guards) what could freeze a release.
 */
@Controller
class ReleaseController {

	static final int RUNS = 30;

	private final LearningAccess access;

	private final ReleaseStatuses releases;

	private final Evals evals;

	private final List<ReleasePageSection> sections;

	ReleaseController(LearningAccess access, ReleaseStatuses releases, Evals evals,
			ObjectProvider<ReleasePageSection> sections) {
		this.access = access;
		this.releases = releases;
		this.evals = evals;
		this.sections = sections.orderedStream().toList();
	}

	@GetMapping("/prototypes/{key}/release")
	@PreAuthorize("isAuthenticated()")
	String page(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		PrototypeView prototype = this.access.readable(key, me);
		model.addAttribute("prototype", prototype);
		model.addAttribute("status", this.releases.of(prototype, null));
		model.addAttribute("suites", this.evals.latestPerSuite(prototype));
		model.addAttribute("runs", this.evals.latest(prototype, RUNS));
		model.addAttribute("mayWrite", this.access.mayWrite(prototype, me));
		this.sections.forEach((section) -> section.populate(prototype, me, model));
		model.addAttribute("sections", this.sections.stream().map(ReleasePageSection::fragment).toList());
		return "learning/release";
	}

}
