package io.dualgate.portfolio;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.People;
import io.dualgate.people.Role;
import io.dualgate.shared.RuleViolationException;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class PrototypeController {

	private static final String FORM = "portfolio/form";

	/** Prototypes per page of the list: the list stays fast with thousands of them. */
	static final int PAGE_SIZE = 25;

	private final Portfolio portfolio;

	private final People people;

	private final List<PrototypePageSection> sections;

	private final List<PrototypeListFlags> listFlags;

	PrototypeController(Portfolio portfolio, People people, ObjectProvider<PrototypePageSection> sections,
			ObjectProvider<PrototypeListFlags> listFlags) {
		this.portfolio = portfolio;
		this.people = people;
		this.listFlags = listFlags.stream().toList();
		this.sections = sections.stream().sorted(Comparator.comparingInt(PrototypePageSection::order)).toList();
	}

	@GetMapping("/prototypes")
	@PreAuthorize("isAuthenticated()")
	String list(@RequestParam(name = "stage", required = false) Stage stage,
			@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		Page<PrototypeView> result = this.portfolio.searchPage(stage, query, page, PAGE_SIZE);
		List<PrototypeView> prototypes = result.getContent();
		model.addAttribute("page", result);
		model.addAttribute("prototypes", prototypes);
		model.addAttribute("stages", Stage.values());
		model.addAttribute("stage", stage);
		model.addAttribute("q", query);
		List<Long> ids = prototypes.stream().map(PrototypeView::id).toList();
		Map<Long, Set<String>> flags = new HashMap<>();
		for (PrototypeListFlags source : this.listFlags) {
			source.flagsFor(ids)
				.forEach((id, codes) -> flags.computeIfAbsent(id, (k) -> new TreeSet<>()).addAll(codes));
		}
		model.addAttribute("flags", flags);
		model.addAttribute("people",
				this.people.byIds(prototypes.stream()
					.flatMap((p) -> java.util.stream.Stream.of(p.explorationPmId(), p.deliveryPmId()))
					.toList()));
		return "portfolio/list";
	}

	@GetMapping("/prototypes/{key}")
	@PreAuthorize("isAuthenticated()")
	String show(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		PrototypeView prototype = this.portfolio.get(key);
		model.addAttribute("prototype", prototype);
		model.addAttribute("people", this.people.byIds(peopleOf(prototype)));
		model.addAttribute("canEdit", prototype.changeableBy(me));
		for (PrototypePageSection section : this.sections) {
			section.populate(prototype, me, model);
		}
		model.addAttribute("sections", this.sections.stream().map(PrototypePageSection::fragment).toList());
		return "portfolio/detail";
	}

	@GetMapping("/prototypes/new")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String newForm(@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		Long exploration = me.holds(Role.EXPLORATION_PM) ? me.id() : null;
		Long delivery = me.holds(Role.DELIVERY_PM) ? me.id() : null;
		model.addAttribute("form", PrototypeForm.empty(exploration, delivery));
		return formView(model, true);
	}

	@PostMapping("/prototypes/new")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String create(@AuthenticationPrincipal AuthenticatedUser me, @Valid @ModelAttribute("form") PrototypeForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return formView(model, true);
		}
		try {
			PrototypeView created = this.portfolio.register(form, me.id());
			redirect.addFlashAttribute("success", "flash.prototype.created");
			redirect.addFlashAttribute("successArg", created.name());
			return "redirect:/prototypes/" + created.key();
		}
		catch (RuleViolationException ex) {
			result.rejectValue(fieldOf(ex), ex.messageCode(), ex.arguments(), null);
			return formView(model, true);
		}
	}

	@GetMapping("/prototypes/{key}/edit")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String editForm(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		PrototypeView prototype = editable(key, me);
		model.addAttribute("form", PrototypeForm.of(prototype));
		model.addAttribute("prototype", prototype);
		model.addAttribute("mayReassign", this.portfolio.mayReassignPms(me.id()));
		return formView(model, false);
	}

	@PostMapping("/prototypes/{key}/edit")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String update(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me,
			@Valid @ModelAttribute("form") PrototypeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		PrototypeView prototype = editable(key, me);
		model.addAttribute("prototype", prototype);
		model.addAttribute("mayReassign", this.portfolio.mayReassignPms(me.id()));
		if (result.hasErrors()) {
			return formView(model, false);
		}
		try {
			PrototypeView updated = this.portfolio.describe(key, form, me.id());
			redirect.addFlashAttribute("success", "flash.prototype.updated");
			redirect.addFlashAttribute("successArg", updated.name());
			return "redirect:/prototypes/" + key;
		}
		catch (RuleViolationException ex) {
			result.rejectValue(fieldOf(ex), ex.messageCode(), ex.arguments(), null);
			return formView(model, false);
		}
	}

	@PostMapping("/prototypes/{key}/kill")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String kill(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me,
			@RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
		editable(key, me);
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			redirect.addFlashAttribute("error", "prototype.kill.reasonRequired");
			return "redirect:/prototypes/" + key;
		}
		PrototypeView killed = this.portfolio.kill(key, me.id(), reason.strip());
		redirect.addFlashAttribute("success", "flash.prototype.killed");
		redirect.addFlashAttribute("successArg", killed.name());
		return "redirect:/prototypes/" + key;
	}

	private PrototypeView editable(String key, AuthenticatedUser me) {
		PrototypeView prototype = this.portfolio.get(key);
		if (!prototype.changeableBy(me)) {
			throw new AccessDeniedException("not a PM of " + key);
		}
		return prototype;
	}

	private String formView(Model model, boolean creating) {
		model.addAttribute("creating", creating);
		if (creating) {
			model.addAttribute("mayReassign", true);
		}
		model.addAttribute("explorationPms", this.people.activeWithRole(Role.EXPLORATION_PM));
		model.addAttribute("deliveryPms", this.people.activeWithRole(Role.DELIVERY_PM));
		return FORM;
	}

	private static String fieldOf(RuleViolationException ex) {
		return switch (ex.messageCode()) {
			case "prototype.explorationPm.invalid", "prototype.pms.adminOnly", "prototype.pms.samePerson" ->
				"explorationPmId";
			case "prototype.deliveryPm.invalid" -> "deliveryPmId";
			default -> "key";
		};
	}

	private static List<Long> peopleOf(PrototypeView prototype) {
		return Arrays.asList(prototype.explorationPmId(), prototype.deliveryPmId());
	}

}
