package io.dualgate.maturity;

import java.time.Clock;
import java.time.LocalDate;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.RuleViolationException;
import jakarta.validation.Valid;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class MaturityController {

	private static final String FORM = "maturity/form";

	private final Maturity maturity;

	private final Portfolio portfolio;

	private final Clock clock;

	MaturityController(Maturity maturity, Portfolio portfolio, Clock clock) {
		this.maturity = maturity;
		this.portfolio = portfolio;
		this.clock = clock;
	}

	@ModelAttribute("dimensions")
	Dimension[] dimensions() {
		return Dimension.values();
	}

	@GetMapping("/prototypes/{key}/maturity/new")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String newForm(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		PrototypeView prototype = assessable(key, me);
		model.addAttribute("prototype", prototype);
		var current = this.maturity.current(prototype.id());
		model.addAttribute("form",
				new AssessmentForm(LocalDate.now(this.clock),
						current.map(MaturityLevels::technicalValidation).orElse(1),
						current.map(MaturityLevels::customerValue).orElse(1),
						current.map(MaturityLevels::complianceReadiness).orElse(1), ""));
		return FORM;
	}

	@PostMapping("/prototypes/{key}/maturity/new")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String assess(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me,
			@Valid @ModelAttribute("form") AssessmentForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("prototype", assessable(key, me));
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			this.maturity.assess(key, form, me);
		}
		catch (RuleViolationException ex) {
			result.rejectValue("assessedOn", ex.messageCode(), ex.arguments(), null);
			return FORM;
		}
		redirect.addFlashAttribute("success", "flash.maturity.assessed");
		redirect.addFlashAttribute("successArg", key);
		return "redirect:/prototypes/" + key + "#maturity";
	}

	private PrototypeView assessable(String key, AuthenticatedUser me) {
		PrototypeView prototype = this.portfolio.get(key);
		if (!Maturity.mayAssess(me, prototype)) {
			throw new AccessDeniedException("not a PM of " + key);
		}
		return prototype;
	}

}
