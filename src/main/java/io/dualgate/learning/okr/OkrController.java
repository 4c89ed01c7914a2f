package io.dualgate.learning.okr;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dualgate.gate.Track;
import io.dualgate.learning.LearningAccess;
import io.dualgate.learning.Quarter;
import io.dualgate.metrics.Metrics;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.InvalidFieldException;

import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A prototype's OKRs with their check-in history and each track's scorecard, and the
 * portfolio's OKR panel. Forms post normally; errors show next to their fields.
 */
@Controller
class OkrController {

	private final Okrs okrs;

	private final LearningAccess access;

	private final Metrics metrics;

	private final MessageSource messages;

	private final OkrScorecards scorecards;

	OkrController(Okrs okrs, LearningAccess access, Metrics metrics, MessageSource messages, OkrScorecards scorecards) {
		this.okrs = okrs;
		this.access = access;
		this.metrics = metrics;
		this.messages = messages;
		this.scorecards = scorecards;
	}

	@GetMapping("/prototypes/{key}/okrs")
	@PreAuthorize("isAuthenticated()")
	String page(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		PrototypeView prototype = this.access.readable(key, me);
		model.addAttribute("form", OkrForm.blank(this.okrs.currentQuarter().toString()));
		return page(prototype, me, model);
	}

	@PostMapping("/prototypes/{key}/okrs")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String state(@PathVariable String key, @ModelAttribute("form") OkrForm form, BindingResult result,
			@AuthenticationPrincipal AuthenticatedUser me, Model model, RedirectAttributes redirect) {
		PrototypeView prototype = this.access.writable(key, me);
		try {
			OkrView created = this.okrs.state(key, form.toCommand(), me);
			redirect.addFlashAttribute("success", "okr.stated");
			redirect.addFlashAttribute("successArg", created.objective());
			return "redirect:/prototypes/" + key + "/okrs#okr-" + created.id();
		}
		catch (InvalidFieldException ex) {
			String field = formField(ex.field(), form);
			result.rejectValue(field, ex.messageCode(), ex.arguments(), ex.messageCode());
			form.pad();
			return page(prototype, me, model);
		}
	}

	@PostMapping("/prototypes/{key}/okrs/{id}/check-ins")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String checkIn(@PathVariable String key, @PathVariable long id,
			@RequestParam(name = "track", required = false) String track,
			@RequestParam(name = "confidence", required = false) String confidence,
			@RequestParam(name = "note", required = false) String note,
			@RequestParam(name = "date", required = false) String date, @AuthenticationPrincipal AuthenticatedUser me,
			Model model, Locale locale, RedirectAttributes redirect) {
		PrototypeView prototype = this.access.writable(key, me);
		try {
			this.okrs.checkIn(key, id, new Okrs.CheckInCommand(track, confidence, note, date), me);
			redirect.addFlashAttribute("success", "okr.checkedIn");
			return "redirect:/prototypes/" + key + "/okrs#okr-" + id;
		}
		catch (InvalidFieldException ex) {
			Map<String, String> errors = new HashMap<>();
			errors.put(ex.field(),
					this.messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), locale));
			model.addAttribute("checkInOkrId", id);
			model.addAttribute("checkInErrors", errors);
			model.addAttribute("checkInValues",
					Map.of("track", (track != null) ? track : "", "confidence", (confidence != null) ? confidence : "",
							"note", (note != null) ? note : "", "date", (date != null) ? date : ""));
			model.addAttribute("form", OkrForm.blank(this.okrs.currentQuarter().toString()));
			return page(prototype, me, model);
		}
	}

	@GetMapping("/okrs")
	@PreAuthorize("isAuthenticated()")
	String portfolio(@RequestParam(name = "period", required = false) String period,
			@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		Quarter quarter;
		try {
			quarter = (period != null && !period.isBlank()) ? Quarter.parse(period, "period")
					: this.okrs.currentQuarter();
		}
		catch (InvalidFieldException ex) {
			quarter = this.okrs.currentQuarter();
			model.addAttribute("periodError", true);
		}
		List<OkrView> list = this.okrs.portfolio(quarter, me);
		model.addAttribute("quarter", quarter);
		model.addAttribute("previousQuarter", quarter.previous());
		model.addAttribute("okrs", list);
		model.addAttribute("counts", OkrPanel.counts(list));
		return "learning/okr-portfolio";
	}

	private String page(PrototypeView prototype, AuthenticatedUser me, Model model) {
		model.addAttribute("prototype", prototype);
		model.addAttribute("okrs", this.okrs.forPrototype(prototype.key(), me));
		model.addAttribute("mayWrite", this.access.mayWrite(prototype, me));
		model.addAttribute("myTracks", this.access.tracksOf(prototype, me));
		model.addAttribute("tracks", Track.values());
		model.addAttribute("metricDefinitions", this.metrics.definitions());
		model.addAttribute("scorecards", this.scorecards.of(prototype));
		model.addAttribute("rule", OkrProgress.ON_TRACK_GAP);
		return "learning/okrs";
	}

	/** The form's property for a field the service names (rows keep their index). */
	private static String formField(String field, OkrForm form) {
		if (field.startsWith("keyResults[") && field.endsWith(".unit")) {
			return field.substring(0, field.length() - ".unit".length()) + ".metric";
		}
		return switch (field) {
			case "period", "objective", "keyResults" -> field;
			default -> field.startsWith("keyResults[") ? field : "objective";
		};
	}

}
