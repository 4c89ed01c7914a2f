package io.dualgate.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import java.util.Comparator;
import java.util.List;

import io.dualgate.shared.RuleViolationException;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
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
 * One's own profile: password, language, personal API tokens, delegations of one's
 * signing, and what other modules add (notification preferences).
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ProfileController {

	private static final String VIEW = "people/profile";

	private final People people;

	private final UserAdministration administration;

	private final ApiTokens tokens;

	private final Delegations delegations;

	private final List<ProfileSection> sections;

	private final java.time.Clock clock;

	private final AccountDetailsService details;

	private final SecurityContextRepository securityContextRepository = new HttpSessionSecurityContextRepository();

	ProfileController(People people, UserAdministration administration, ApiTokens tokens, Delegations delegations,
			ObjectProvider<ProfileSection> sections, java.time.Clock clock, AccountDetailsService details) {
		this.details = details;
		this.clock = clock;
		this.people = people;
		this.administration = administration;
		this.tokens = tokens;
		this.delegations = delegations;
		this.sections = sections.orderedStream().sorted(Comparator.comparingInt(ProfileSection::order)).toList();
	}

	@GetMapping("/profile")
	String show(@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		model.addAttribute("form", PasswordForm.empty());
		model.addAttribute("delegationForm", DelegationForm.empty());
		return populate(me, model);
	}

	@PostMapping("/profile/language")
	String changeLanguage(@AuthenticationPrincipal AuthenticatedUser me,
			@RequestParam(name = "language", required = false) String language, RedirectAttributes redirect) {
		this.administration.changeLanguage(me.id(), language);
		redirect.addFlashAttribute("success", "profile.language.saved");
		return "redirect:/profile";
	}

	@PostMapping("/profile/delegations")
	String delegate(@AuthenticationPrincipal AuthenticatedUser me,
			@Valid @ModelAttribute("delegationForm") DelegationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				ActiveDelegation granted = this.delegations.grant(new DelegationForm(form.track(), form.delegate(),
						form.from(), form.until(), form.reason(), null)
					.toRequest(), me.id());
				redirect.addFlashAttribute("success", "flash.delegation.granted");
				redirect.addFlashAttribute("successArg", granted.id());
				return "redirect:/profile#delegations";
			}
			catch (io.dualgate.shared.InvalidFieldException ex) {
				result.rejectValue(ex.field().equals("delegator") ? "track" : ex.field(), ex.messageCode(),
						ex.arguments(), ex.messageCode());
			}
		}
		model.addAttribute("form", PasswordForm.empty());
		return populate(me, model);
	}

	@PostMapping("/profile/delegations/{id}/revoke")
	String revokeDelegation(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id,
			RedirectAttributes redirect) {
		this.delegations.revoke(id, me.id());
		redirect.addFlashAttribute("success", "flash.delegation.revoked");
		redirect.addFlashAttribute("successArg", id);
		return "redirect:/profile#delegations";
	}

	@PostMapping("/profile/password")
	String changePassword(@AuthenticationPrincipal AuthenticatedUser me,
			@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				HttpSession session = request.getSession();
				this.administration.changeOwnPassword(me.id(), form, session.getId());
				signInAgain(me, request, response);
				redirect.addFlashAttribute("success", "flash.password.changedTokensRevoked");
				return "redirect:/profile";
			}
			catch (RuleViolationException ex) {
				String field = switch (ex.messageCode()) {
					case "password.currentWrong", "password.locked" -> "currentPassword";
					case "password.mismatch" -> "confirmPassword";
					default -> "newPassword";
				};
				result.rejectValue(field, ex.messageCode());
			}
		}
		model.addAttribute("delegationForm", DelegationForm.empty());
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

	/**
	 * After a password change this session keeps going under a new id, with the account's
	 * new rights stamp; all other sessions of the person have ended.
	 */
	private void signInAgain(AuthenticatedUser me, HttpServletRequest request, HttpServletResponse response) {
		AuthenticatedUser renewed = (AuthenticatedUser) this.details.loadUserByUsername(me.getUsername());
		renewed.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		this.securityContextRepository.saveContext(context, request, response);
	}

	private String populate(AuthenticatedUser me, Model model) {
		Person person = this.people.get(me.id());
		model.addAttribute("person", person);
		model.addAttribute("tokens", this.tokens.listFor(me.id()));
		model.addAttribute("delegations", this.delegations.involving(me.id()));
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("authorities", SigningAuthority.values());
		model.addAttribute("languages", UserAdministration.LANGUAGES);
		model.addAttribute("mayDelegate", person.holds(Role.EXPLORATION_PM) || person.holds(Role.DELIVERY_PM));
		this.sections.forEach((section) -> section.populate(person, model));
		model.addAttribute("sections", this.sections.stream().map(ProfileSection::fragment).toList());
		return VIEW;
	}

}
