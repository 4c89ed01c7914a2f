package io.dualgate.poc;

import java.time.Clock;
import java.time.LocalDate;

import io.dualgate.metrics.ObservationsRejected;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.InvalidFieldException;
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
class PocController {

	private static final String FORM = "poc/form";

	private final Pocs pocs;

	private final Portfolio portfolio;

	private final Clock clock;

	PocController(Pocs pocs, Portfolio portfolio, Clock clock) {
		this.pocs = pocs;
		this.portfolio = portfolio;
		this.clock = clock;
	}

	@ModelAttribute("sovereigntyStatuses")
	SovereigntyStatus[] sovereigntyStatuses() {
		return SovereigntyStatus.values();
	}

	@ModelAttribute("pocStatuses")
	PocStatus[] pocStatuses() {
		return PocStatus.values();
	}

	@GetMapping("/prototypes/{key}/pocs/new")
	@PreAuthorize("hasAnyRole('DELIVERY_PM', 'ADMIN')")
	String newForm(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		model.addAttribute("prototype", editable(key, me));
		model.addAttribute("form", PocForm.empty(LocalDate.now(this.clock)));
		return FORM;
	}

	@PostMapping("/prototypes/{key}/pocs/new")
	@PreAuthorize("hasAnyRole('DELIVERY_PM', 'ADMIN')")
	String create(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me,
			@Valid @ModelAttribute("form") PocForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("prototype", editable(key, me));
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			this.pocs.create(key, form, me);
		}
		catch (RuleViolationException ex) {
			result.rejectValue((ex instanceof InvalidFieldException field) ? field.field() : "status", ex.messageCode(),
					ex.arguments(), null);
			return FORM;
		}
		catch (ObservationsRejected ex) {
			result.rejectValue("willingnessToPayUsdPerYear", "poc.willingnessToPay.rejected");
			return FORM;
		}
		redirect.addFlashAttribute("success", "flash.poc.saved");
		redirect.addFlashAttribute("successArg", form.customer());
		return "redirect:/prototypes/" + key + "#pocs";
	}

	@GetMapping("/prototypes/{key}/pocs/{id}/edit")
	@PreAuthorize("hasAnyRole('DELIVERY_PM', 'ADMIN')")
	String editForm(@PathVariable String key, @PathVariable long id, @AuthenticationPrincipal AuthenticatedUser me,
			Model model) {
		model.addAttribute("prototype", editable(key, me));
		model.addAttribute("form", PocForm.of(this.pocs.get(key, id)));
		model.addAttribute("pocId", id);
		return FORM;
	}

	@PostMapping("/prototypes/{key}/pocs/{id}/edit")
	@PreAuthorize("hasAnyRole('DELIVERY_PM', 'ADMIN')")
	String update(@PathVariable String key, @PathVariable long id, @AuthenticationPrincipal AuthenticatedUser me,
			@Valid @ModelAttribute("form") PocForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("prototype", editable(key, me));
		model.addAttribute("pocId", id);
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			this.pocs.update(key, id, form, me);
		}
		catch (RuleViolationException ex) {
			result.rejectValue((ex instanceof InvalidFieldException field) ? field.field() : "status", ex.messageCode(),
					ex.arguments(), null);
			return FORM;
		}
		catch (ObservationsRejected ex) {
			result.rejectValue("willingnessToPayUsdPerYear", "poc.willingnessToPay.rejected");
			return FORM;
		}
		redirect.addFlashAttribute("success", "flash.poc.saved");
		redirect.addFlashAttribute("successArg", form.customer());
		return "redirect:/prototypes/" + key + "#pocs";
	}

	private PrototypeView editable(String key, AuthenticatedUser me) {
		PrototypeView prototype = this.portfolio.get(key);
		if (!Pocs.mayEdit(me, prototype)) {
			throw new AccessDeniedException("not the delivery PM of " + key);
		}
		return prototype;
	}

}
