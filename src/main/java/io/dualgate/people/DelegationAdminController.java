package io.dualgate.people;

import io.dualgate.shared.InvalidFieldException;
import jakarta.validation.Valid;

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
 * Admins see every delegation, set one for an absent PM and revoke any.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DelegationAdminController {

	private static final String VIEW = "people/delegations";

	private final Delegations delegations;

	private final UserAdministration administration;

	private final java.time.Clock clock;

	DelegationAdminController(Delegations delegations, UserAdministration administration, java.time.Clock clock) {
		this.delegations = delegations;
		this.administration = administration;
		this.clock = clock;
	}

	@GetMapping("/admin/delegations")
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	String list(Model model) {
		model.addAttribute("delegationForm", DelegationForm.empty());
		return populate(model);
	}

	@PostMapping("/admin/delegations")
	String create(@AuthenticationPrincipal AuthenticatedUser me,
			@Valid @ModelAttribute("delegationForm") DelegationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				ActiveDelegation granted = this.delegations.grant(form.toRequest(), me.id());
				redirect.addFlashAttribute("success", "flash.delegation.granted");
				redirect.addFlashAttribute("successArg", granted.id());
				return "redirect:/admin/delegations";
			}
			catch (InvalidFieldException ex) {
				result.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), ex.messageCode());
			}
		}
		return populate(model);
	}

	@PostMapping("/admin/delegations/{id}/revoke")
	String revoke(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, RedirectAttributes redirect) {
		this.delegations.revoke(id, me.id());
		redirect.addFlashAttribute("success", "flash.delegation.revoked");
		redirect.addFlashAttribute("successArg", id);
		return "redirect:/admin/delegations";
	}

	private String populate(Model model) {
		model.addAttribute("delegations", this.delegations.all());
		model.addAttribute("authorities", SigningAuthority.values());
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("people",
				this.administration.all()
					.stream()
					.map(UserAccount::toPerson)
					.filter((p) -> p.active() && (p.holds(Role.EXPLORATION_PM) || p.holds(Role.DELIVERY_PM)))
					.toList());
		return VIEW;
	}

}
