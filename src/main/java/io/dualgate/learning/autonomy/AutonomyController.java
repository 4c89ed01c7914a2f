package io.dualgate.learning.autonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dualgate.gate.GateStatus;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.learning.feedback.CapabilityPageSection;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A prototype's capabilities and the autonomy each has earned: the level, the evidence
 * the ladder judges now, the way up (an autonomy gate), the stop button, the lower bounds
 * and the history of every change.
 */
@Controller
class AutonomyController {

	private final Capabilities capabilities;

	private final Autonomy autonomy;

	private final AutonomyGates autonomyGates;

	private final Gates gates;

	private final LearningAccess access;

	private final MessageSource messages;

	AutonomyController(Capabilities capabilities, Autonomy autonomy, AutonomyGates autonomyGates, Gates gates,
			LearningAccess access, MessageSource messages) {
		this.capabilities = capabilities;
		this.autonomy = autonomy;
		this.autonomyGates = autonomyGates;
		this.gates = gates;
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
			@AuthenticationPrincipal AuthenticatedUser me, Model model, Locale locale, RedirectAttributes redirect) {
		PrototypeView prototype = this.access.writable(key, me);
		try {
			CapabilityView declared = this.capabilities.declare(key, capabilityKey, name, description, me);
			redirect.addFlashAttribute("success", "capability.declared");
			redirect.addFlashAttribute("successArg", declared.name());
			return "redirect:/prototypes/" + key + "/autonomy";
		}
		catch (InvalidFieldException ex) {
			model.addAttribute("declareErrors", Map.of(ex.field(), text(ex.messageCode(), ex.arguments(), locale)));
		}
		catch (ConflictException ex) {
			model.addAttribute("declareErrors", Map.of("key", text(ex.messageCode(), ex.arguments(), locale)));
		}
		model.addAttribute("declareValues", Map.of("key", (capabilityKey != null) ? capabilityKey : "", "name",
				(name != null) ? name : "", "description", (description != null) ? description : ""));
		return page(prototype, me, model);
	}

	/** Asks for the next level: opens the capability's autonomy gate. */
	@PostMapping("/prototypes/{key}/capabilities/{capability}/autonomy-gates")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String openGate(@PathVariable String key, @PathVariable String capability,
			@AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		this.access.writable(key, me);
		try {
			GateView gate = this.autonomyGates.open(key, capability, me);
			redirect.addFlashAttribute("success", "gate.opened");
			return "redirect:/gates/" + gate.id();
		}
		catch (RuleViolationException | ConflictException ex) {
			redirect.addFlashAttribute("error", (ex instanceof RuleViolationException rule) ? rule.messageCode()
					: ((ConflictException) ex).messageCode());
			redirect.addFlashAttribute("errorArg", Json.excerpt(capability));
			return "redirect:/prototypes/" + key + "/autonomy#capability-" + capability;
		}
	}

	/** The stop button. */
	@PostMapping("/prototypes/{key}/capabilities/{capability}/lower")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String lower(@PathVariable String key, @PathVariable String capability,
			@ModelAttribute("lower") LadderForms.LowerForm form, @AuthenticationPrincipal AuthenticatedUser me,
			Model model, Locale locale, RedirectAttributes redirect) {
		PrototypeView prototype = this.access.writable(key, me);
		try {
			LevelChangeView change = this.autonomy.lower(key, capability, form.getLevel(), form.getReason(), me);
			redirect.addFlashAttribute("success", "autonomy.lowered");
			redirect.addFlashAttribute("successArg", text("autonomy.level." + change.to(), null, locale));
			return "redirect:/prototypes/" + key + "/autonomy#capability-" + capability;
		}
		catch (InvalidFieldException ex) {
			model.addAttribute("formCapability", capability);
			model.addAttribute("lowerErrors", Map.of(ex.field(), text(ex.messageCode(), ex.arguments(), locale)));
			return page(prototype, me, model);
		}
	}

	/** The ladder's lower bounds. */
	@PostMapping("/prototypes/{key}/capabilities/{capability}/policy")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String policy(@PathVariable String key, @PathVariable String capability,
			@ModelAttribute("policy") LadderForms.PolicyForm form, @AuthenticationPrincipal AuthenticatedUser me,
			Model model, Locale locale, RedirectAttributes redirect) {
		PrototypeView prototype = this.access.writable(key, me);
		try {
			Integer window = (form.getWindowCases() == null || form.getWindowCases().isBlank()) ? null
					: Json.integer(Json.decimal(form.getWindowCases(), "windowCases"), "windowCases",
							DemotionPolicy.MIN_WINDOW, DemotionPolicy.MAX_WINDOW);
			DemotionPolicy policy = new DemotionPolicy((window != null) ? window : 0,
					Json.decimal(form.getDraftBelowPct(), "draftBelowPct"),
					Json.decimal(form.getActBelowPct(), "actBelowPct"));
			this.autonomy.setPolicy(key, capability, policy, me);
			redirect.addFlashAttribute("success", "autonomy.policy.saved");
			redirect.addFlashAttribute("successArg", Json.excerpt(capability));
			return "redirect:/prototypes/" + key + "/autonomy#capability-" + capability;
		}
		catch (InvalidFieldException ex) {
			model.addAttribute("formCapability", capability);
			model.addAttribute("policyErrors", Map.of(ex.field(), text(ex.messageCode(), ex.arguments(), locale)));
			return page(prototype, me, model);
		}
	}

	String page(PrototypeView prototype, AuthenticatedUser me, Model model) {
		List<GateView> open = this.gates.forPrototype(prototype.id())
			.stream()
			.filter((g) -> g.autonomy() && g.status() == GateStatus.OPEN)
			.toList();
		List<CapabilityAutonomy> list = this.capabilities.list(prototype).stream().map((c) -> {
			DemotionPolicy policy = this.autonomy.policy(c);
			return new CapabilityAutonomy(c, policy, this.autonomy.window(c, policy),
					open.stream().filter((g) -> c.key().equals(g.capability())).findFirst().orElse(null),
					this.autonomy.history(c.id()));
		}).toList();
		model.addAttribute("prototype", prototype);
		model.addAttribute("capabilities", list);
		model.addAttribute("mayWrite", this.access.mayWrite(prototype, me));
		model.addAttribute("mayOpenGates", prototype.isPm(me.id()));
		Map<String, List<Gates.Requirement>> defaults = new java.util.LinkedHashMap<>();
		defaults.put(AutonomyLevel.DRAFT_FOR_REVIEW.name(), this.gates.autonomyRequirements("DRAFT_FOR_REVIEW"));
		defaults.put(AutonomyLevel.ACT.name(), this.gates.autonomyRequirements("ACT"));
		model.addAttribute("ladderDefaults", defaults);
		model.addAttribute("levels", AutonomyLevel.values());
		if (!model.containsAttribute("lowerErrors")) {
			model.addAttribute("lowerErrors", new HashMap<String, String>());
		}
		if (!model.containsAttribute("policyErrors")) {
			model.addAttribute("policyErrors", new HashMap<String, String>());
		}
		return "learning/autonomy";
	}

	private String text(String code, Object[] arguments, Locale locale) {
		return this.messages.getMessage(code, arguments, code, locale);
	}

	/** On a capability's own page: its level, lower bounds and history. */
	@Bean
	static CapabilityPageSection autonomySection(Autonomy autonomy) {
		return new CapabilityPageSection() {

			@Override
			public String fragment() {
				return "learning/fragments :: capabilityLevel";
			}

			@Override
			public void populate(PrototypeView prototype, CapabilityView capability, AuthenticatedUser viewer,
					Model model) {
				DemotionPolicy policy = autonomy.policy(capability);
				model.addAttribute("ladder", new CapabilityAutonomy(capability, policy,
						autonomy.window(capability, policy), null, autonomy.history(capability.id())));
			}

		};
	}

}
