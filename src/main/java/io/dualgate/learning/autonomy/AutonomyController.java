package io.dualgate.learning.autonomy;

import io.dualgate.learning.LearningAccess;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.InvalidFieldException;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A prototype's capabilities and the autonomy each has earned.
 */
@Controller
class AutonomyController {

	private final Capabilities capabilities;

	private final LearningAccess access;

	private final MessageSource messages;

	AutonomyController(Capabilities capabilities, LearningAccess access, MessageSource messages) {
		this.capabilities = capabilities;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/prototypes/{key}/autonomy")
	@PreAuthorize("isAuthenticated()")
	String page(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		PrototypeView prototype = this.access.readable(key, me);
		return page(prototype, me, model);
	}

	@PostMapping("/prototypes/{key}/capabilities")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String declare(@PathVariable String key, @RequestParam(name = "key", required = false) String capabilityKey,
			@RequestParam(name = "name", required = false) String name,
			@RequestParam(name = "description", required = false) String description,
			@AuthenticationPrincipal AuthenticatedUser me, Model model, java.util.Locale locale,
			RedirectAttributes redirect) {
		PrototypeView prototype = this.access.writable(key, me);
		try {
			CapabilityView declared = this.capabilities.declare(key, capabilityKey, name, description, me);
			redirect.addFlashAttribute("success", "capability.declared");
			redirect.addFlashAttribute("successArg", declared.name());
			return "redirect:/prototypes/" + key + "/autonomy";
		}
		catch (InvalidFieldException ex) {
			model.addAttribute("declareErrors", java.util.Map.of(ex.field(),
					this.messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), locale)));
		}
		catch (ConflictException ex) {
			model.addAttribute("declareErrors", java.util.Map.of("key",
					this.messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), locale)));
		}
		model.addAttribute("declareValues", java.util.Map.of("key", (capabilityKey != null) ? capabilityKey : "",
				"name", (name != null) ? name : "", "description", (description != null) ? description : ""));
		return page(prototype, me, model);
	}

	String page(PrototypeView prototype, AuthenticatedUser me, Model model) {
		model.addAttribute("prototype", prototype);
		model.addAttribute("capabilities", this.capabilities.list(prototype));
		model.addAttribute("mayWrite", this.access.mayWrite(prototype, me));
		return "learning/autonomy";
	}

}
