package io.dualgate.alignment;

import io.dualgate.shared.ConflictException;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators maintain the pairs the dashboard judges.
 */
@Controller
class AlignmentPairController {

	private final AlignmentDashboard dashboard;

	private final AlignmentPairAdministration administration;

	AlignmentPairController(AlignmentDashboard dashboard, AlignmentPairAdministration administration) {
		this.dashboard = dashboard;
		this.administration = administration;
	}

	@GetMapping("/alignment/pairs")
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	String list(Model model) {
		model.addAttribute("pairs", this.dashboard.pairs());
		return "alignment/pairs";
	}

	@GetMapping("/alignment/pairs/new")
	@PreAuthorize("hasRole('ADMIN')")
	String createForm(Model model) {
		return form(model, PairForm.empty(), null);
	}

	@GetMapping("/alignment/pairs/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String editForm(@PathVariable long id, Model model) {
		return form(model, PairForm.of(this.administration.get(id)), id);
	}

	@PostMapping("/alignment/pairs")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@Valid @ModelAttribute("form") PairForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		check(form, result);
		if (result.hasErrors()) {
			return form(model, form, null);
		}
		try {
			this.administration.create(form);
		}
		catch (DataIntegrityViolationException ex) {
			result.reject("alignment.pair.duplicate");
			return form(model, form, null);
		}
		redirect.addFlashAttribute("success", "alignment.pair.saved");
		return "redirect:/alignment/pairs";
	}

	@PostMapping("/alignment/pairs/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") PairForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		check(form, result);
		if (result.hasErrors()) {
			return form(model, form, id);
		}
		try {
			this.administration.update(id, form);
		}
		catch (DataIntegrityViolationException ex) {
			result.reject("alignment.pair.duplicate");
			return form(model, form, id);
		}
		catch (ConflictException ex) {
			result.reject(ex.messageCode());
			return form(model, form, id);
		}
		redirect.addFlashAttribute("success", "alignment.pair.saved");
		return "redirect:/alignment/pairs";
	}

	private void check(PairForm form, BindingResult result) {
		if (form == null || result.getTarget() == null) {
			// Not even of the right types (a number where the select offers names): only
			// a
			// tampered request sends that, and there is no form to show again.
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		var metrics = this.dashboard.metricKeys();
		if (form.technicalMetric() != null && !form.technicalMetric().isBlank()
				&& !metrics.contains(form.technicalMetric())) {
			result.rejectValue("technicalMetric", "alignment.pair.unknownMetric");
		}
		if (form.businessMetric() != null && !form.businessMetric().isBlank()
				&& !metrics.contains(form.businessMetric())) {
			result.rejectValue("businessMetric", "alignment.pair.unknownMetric");
		}
		if (form.technicalMetric() != null && form.technicalMetric().equals(form.businessMetric())) {
			result.rejectValue("businessMetric", "alignment.pair.sameMetric");
		}
	}

	private String form(Model model, PairForm form, Long id) {
		model.addAttribute("form", form);
		model.addAttribute("pairId", id);
		model.addAttribute("metrics", this.dashboard.metricKeys());
		model.addAttribute("transforms", Transform.values());
		model.addAttribute("kinds", PairKind.values());
		model.addAttribute("directions", Direction.values());
		return "alignment/pair-form";
	}

}
