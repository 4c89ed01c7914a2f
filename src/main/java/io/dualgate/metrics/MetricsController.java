package io.dualgate.metrics;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Metric definitions, recording observations from the prototype page, CSV upload and kill
 * criteria.
 */
@Controller
class MetricsController {

	/** The page lists this many bad cells; the count says how many there are in all. */
	private static final int SHOWN_ERRORS = 1000;

	private final Metrics metrics;

	private final KillCriteria killCriteria;

	private final Portfolio portfolio;

	private final MessageSource messages;

	MetricsController(Metrics metrics, KillCriteria killCriteria, Portfolio portfolio, MessageSource messages) {
		this.metrics = metrics;
		this.killCriteria = killCriteria;
		this.portfolio = portfolio;
		this.messages = messages;
	}

	/** Serializable: it travels as a flash attribute in the session. */
	record ErrorLine(long line, String field, String message) implements java.io.Serializable {
	}

	@GetMapping("/metrics")
	@PreAuthorize("isAuthenticated()")
	String definitions(Model model) {
		model.addAttribute("definitions", this.metrics.definitions());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", DefinitionForm.empty());
		}
		return "metrics/definitions";
	}

	@PostMapping("/metrics")
	@PreAuthorize("hasRole('ADMIN')")
	String addDefinition(@Valid @ModelAttribute("form") DefinitionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.metrics.addDefinition(form.toDefinition());
				redirect.addFlashAttribute("success", "flash.metric.defined");
				redirect.addFlashAttribute("successArg", form.key());
				return "redirect:/metrics";
			}
			catch (RuleViolationException ex) {
				result.rejectValue((ex instanceof InvalidFieldException field) ? field.field() : "key",
						ex.messageCode(), ex.arguments(), null);
			}
		}
		model.addAttribute("definitions", this.metrics.definitions());
		return "metrics/definitions";
	}

	@PostMapping("/prototypes/{key}/observations")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String record(@PathVariable String key, @RequestParam(name = "metric", required = false) String metric,
			@RequestParam(name = "date", required = false) String date,
			@RequestParam(name = "value", required = false) String value, @AuthenticationPrincipal AuthenticatedUser me,
			Locale locale, RedirectAttributes redirect) {
		requireRecorder(key, me);
		try {
			this.metrics.record(key, metric, date, value, ObservationSource.FORM, me);
			redirect.addFlashAttribute("success", "flash.observation.recorded");
			redirect.addFlashAttribute("successArg", metric);
		}
		catch (ObservationsRejected ex) {
			redirect.addFlashAttribute("observationErrors", lines(ex, locale));
		}
		return "redirect:/prototypes/" + key + "#evidence";
	}

	@GetMapping("/observations/upload")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String uploadForm() {
		return "metrics/upload";
	}

	@PostMapping("/observations/upload")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal AuthenticatedUser me, Locale locale, Model model, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) throws IOException {
		boolean htmx = request.getHeader("HX-Request") != null;
		try {
			if (file == null || file.isEmpty()) {
				throw ObservationsRejected.malformed("observation.csv.empty");
			}
			long started = System.nanoTime();
			long accepted;
			accepted = this.metrics.importCsv(file, ObservationSource.CSV, me);
			model.addAttribute("accepted", accepted);
			model.addAttribute("fileName", file.getOriginalFilename());
			model.addAttribute("elapsedMs", (System.nanoTime() - started) / 1_000_000);
		}
		catch (ObservationsRejected ex) {
			response.setStatus(ex.malformed() ? 400 : 422);
			model.addAttribute("rejection", this.messages.getMessage(ex.code(), ex.arguments(), ex.code(), locale));
			model.addAttribute("errorLines", lines(ex, locale));
			model.addAttribute("errorCount", ex.errorCount());
			model.addAttribute("fileName", (file != null) ? file.getOriginalFilename() : null);
		}
		return htmx ? "metrics/upload :: result" : "metrics/upload";
	}

	@PostMapping("/prototypes/{key}/kill-criteria")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String stateKillCriterion(@PathVariable String key, @Valid @ModelAttribute("killForm") KillCriterionForm form,
			BindingResult result, @AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		requireRecorder(key, me);
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "killCriterion.invalid");
			return "redirect:/prototypes/" + key + "#kill-criteria";
		}
		try {
			this.killCriteria.state(key, form.metric(), form.comparator(), form.threshold(), form.consecutiveDays(),
					form.noImprovingTrend(), me);
			redirect.addFlashAttribute("success", "flash.killCriterion.stated");
			redirect.addFlashAttribute("successArg", form.metric());
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", "killCriterion.invalid");
		}
		return "redirect:/prototypes/" + key + "#kill-criteria";
	}

	@GetMapping("/kill-criteria")
	@PreAuthorize("isAuthenticated()")
	String metList(Model model) {
		model.addAttribute("flags", this.killCriteria.met());
		return "metrics/kill-criteria";
	}

	@PostMapping("/kill-criteria/evaluate")
	@PreAuthorize("hasRole('ADMIN')")
	String evaluate(RedirectAttributes redirect) {
		int met = this.killCriteria.evaluateAll();
		redirect.addFlashAttribute("success", "flash.killCriteria.evaluated");
		redirect.addFlashAttribute("successArg", met);
		return "redirect:/kill-criteria";
	}

	private void requireRecorder(String key, AuthenticatedUser me) {
		PrototypeView prototype = this.portfolio.get(key);
		if (!Metrics.mayRecord(me, prototype)) {
			throw new AccessDeniedException("not a PM of " + key);
		}
	}

	private List<ErrorLine> lines(ObservationsRejected ex, Locale locale) {
		if (ex.errors().isEmpty()) {
			return List
				.of(new ErrorLine(0, "", this.messages.getMessage(ex.code(), ex.arguments(), ex.code(), locale)));
		}
		return ex.errors()
			.stream()
			.limit(SHOWN_ERRORS)
			.map((e) -> new ErrorLine(e.line(), e.field(),
					this.messages.getMessage(e.code(), e.arguments(), e.code(), locale)))
			.toList();
	}

}
