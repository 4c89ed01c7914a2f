package io.dualgate.people;

import io.dualgate.shared.RuleViolationException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One's own profile: password and personal API tokens.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ProfileController {

	private static final String VIEW = "people/profile";

	private final People people;

	private final UserAdministration administration;

	private final ApiTokens tokens;

	ProfileController(People people, UserAdministration administration, ApiTokens tokens) {
		this.people = people;
		this.administration = administration;
		this.tokens = tokens;
	}

	@GetMapping("/profile")
	String show(@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		model.addAttribute("form", PasswordForm.empty());
		return populate(me, model);
	}

	@PostMapping("/profile/password")
	String changePassword(@AuthenticationPrincipal AuthenticatedUser me,
			@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.administration.changeOwnPassword(me.id(), form);
				redirect.addFlashAttribute("success", "flash.password.changed");
				return "redirect:/profile";
			}
			catch (RuleViolationException ex) {
				String field = switch (ex.messageCode()) {
					case "password.currentWrong" -> "currentPassword";
					case "password.mismatch" -> "confirmPassword";
					default -> "newPassword";
				};
				result.rejectValue(field, ex.messageCode());
			}
		}
		return populate(me, model);
	}

	@PostMapping("/profile/tokens")
	String createToken(@AuthenticationPrincipal AuthenticatedUser me,
			@RequestParam(name = "name", required = false) String name, RedirectAttributes redirect) {
		String label = (name != null && name.length() > 100) ? name.substring(0, 100) : name;
		redirect.addFlashAttribute("newToken", this.tokens.create(me.id(), label));
		return "redirect:/profile";
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id,
			RedirectAttributes redirect) {
		this.tokens.revoke(me.id(), id);
		redirect.addFlashAttribute("success", "flash.token.revoked");
		return "redirect:/profile";
	}

	private String populate(AuthenticatedUser me, Model model) {
		model.addAttribute("person", this.people.get(me.id()));
		model.addAttribute("tokens", this.tokens.listFor(me.id()));
		return VIEW;
	}

}
