package io.dualgate.people;

import io.dualgate.shared.InvalidFieldException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/users")
// The auditor reads the list (and the model attributes it needs); every form is admins'.
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class UserAdminController {

	private static final String FORM = "people/user-form";

	private final UserAdministration administration;

	UserAdminController(UserAdministration administration) {
		this.administration = administration;
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	/** Whom escalations about a person go to. */
	@ModelAttribute("managers")
	java.util.List<Person> managers() {
		return this.administration.all().stream().map(UserAccount::toPerson).filter(Person::active).toList();
	}

	@ModelAttribute("reportingLines")
	ReportingLine[] reportingLines() {
		return ReportingLine.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.administration.all().stream().map(UserAccount::toPerson).toList());
		return "people/user-list";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('ADMIN')")
	String newForm(Model model) {
		model.addAttribute("form", UserForm.empty());
		model.addAttribute("creating", true);
		return FORM;
	}

	@PostMapping("/new")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("creating", true);
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			UserAccount account = this.administration.create(form);
			redirect.addFlashAttribute("success", "flash.user.created");
			redirect.addFlashAttribute("successArg", account.getUsername());
			return "redirect:/admin/users";
		}
		catch (RuleViolationException ex) {
			String field = (ex instanceof InvalidFieldException invalid) ? invalid.field()
					: ex.messageCode().startsWith("password") ? "password"
							: ex.messageCode().startsWith("user.manager.") ? "managerId" : "username";
			result.rejectValue(field, ex.messageCode());
			return FORM;
		}
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String editForm(@PathVariable long id, Model model) {
		UserAccount account = this.administration.get(id);
		model.addAttribute("form", UserForm.of(account));
		model.addAttribute("userId", id);
		model.addAttribute("active", account.isActive());
		model.addAttribute("ssoIssuer", account.getSsoIssuer());
		return FORM;
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		UserAccount account = this.administration.get(id);
		model.addAttribute("userId", id);
		model.addAttribute("active", account.isActive());
		model.addAttribute("ssoIssuer", account.getSsoIssuer());
		// The username never changes; ignore whatever the request says.
		UserForm safe = new UserForm(account.getUsername(), form.fullName(), form.email(), form.reportingLine(),
				form.roles(), null, form.version(), form.managerId(), form.ssoLinkAllowed());
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			this.administration.update(id, safe);
		}
		catch (InvalidFieldException ex) {
			result.rejectValue(ex.field(), ex.messageCode());
			return FORM;
		}
		catch (RuleViolationException ex) {
			if (!ex.messageCode().startsWith("user.manager.")) {
				throw ex;
			}
			result.rejectValue("managerId", ex.messageCode());
			return FORM;
		}
		redirect.addFlashAttribute("success", "flash.user.updated");
		redirect.addFlashAttribute("successArg", account.getUsername());
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/deactivate")
	@PreAuthorize("hasRole('ADMIN')")
	String deactivate(@PathVariable long id, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		try {
			this.administration.setActive(id, false, me.id());
			redirect.addFlashAttribute("success", "flash.user.deactivated");
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.messageCode());
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/activate")
	@PreAuthorize("hasRole('ADMIN')")
	String activate(@PathVariable long id, @AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		this.administration.setActive(id, true, me.id());
		redirect.addFlashAttribute("success", "flash.user.activated");
		return "redirect:/admin/users";
	}

}
