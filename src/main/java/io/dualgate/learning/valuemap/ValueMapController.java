package io.dualgate.learning.valuemap;

import io.dualgate.learning.LearningAccess;
import io.dualgate.metrics.Metrics;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.InvalidFieldException;

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

/**
 * A prototype's value maps: each claimed step beside what its observations show, the
 * contradicted ones flagged with the measured interval.
 */
@Controller
class ValueMapController {

	private final ValueMaps valueMaps;

	private final LearningAccess access;

	private final Metrics metrics;

	ValueMapController(ValueMaps valueMaps, LearningAccess access, Metrics metrics) {
		this.valueMaps = valueMaps;
		this.access = access;
		this.metrics = metrics;
	}

	@GetMapping("/prototypes/{key}/value-map")
	@PreAuthorize("isAuthenticated()")
	String page(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		PrototypeView prototype = this.access.readable(key, me);
		model.addAttribute("form", ValueMapForm.blank());
		return page(prototype, me, model);
	}

	@PostMapping("/prototypes/{key}/value-maps")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String state(@PathVariable String key, @ModelAttribute("form") ValueMapForm form, BindingResult result,
			@AuthenticationPrincipal AuthenticatedUser me, Model model, RedirectAttributes redirect) {
		PrototypeView prototype = this.access.writable(key, me);
		try {
			ValueMapView created = this.valueMaps.state(key, form.getTitle(), form.toSteps(), me);
			redirect.addFlashAttribute("success", "valuemap.stated");
			redirect.addFlashAttribute("successArg", created.title());
			return "redirect:/prototypes/" + key + "/value-map#value-map-" + created.id();
		}
		catch (InvalidFieldException ex) {
			String field = (ex.field().equals("title") || ex.field().equals("steps") || ex.field().startsWith("steps["))
					? ex.field() : "title";
			result.rejectValue(field, ex.messageCode(), ex.arguments(), ex.messageCode());
			form.pad();
			return page(prototype, me, model);
		}
	}

	private String page(PrototypeView prototype, AuthenticatedUser me, Model model) {
		model.addAttribute("prototype", prototype);
		model.addAttribute("maps", this.valueMaps.forPrototype(prototype));
		model.addAttribute("mayWrite", this.access.mayWrite(prototype, me));
		model.addAttribute("metricDefinitions", this.metrics.definitions());
		model.addAttribute("weeks", ValueMaps.WEEKS);
		return "learning/value-map";
	}

}
