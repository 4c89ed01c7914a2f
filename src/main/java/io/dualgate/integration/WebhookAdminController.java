package io.dualgate.integration;

import java.util.Arrays;
import java.util.List;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.shared.InvalidFieldException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The webhook pages for admins: endpoints and the registration form, one endpoint's
 * delivery log with "send again", and re-enabling a disabled endpoint.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class WebhookAdminController {

	private final Webhooks webhooks;

	WebhookAdminController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	/** The registration form. */
	record WebhookForm(String url, List<String> events, String format) {

		static WebhookForm empty() {
			return new WebhookForm("", List.of(), "standard");
		}

	}

	@GetMapping("/admin/webhooks")
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	String list(Model model) {
		model.addAttribute("form", WebhookForm.empty());
		return populate(model);
	}

	@PostMapping("/admin/webhooks")
	String register(@AuthenticationPrincipal AuthenticatedUser me, @ModelAttribute("form") WebhookForm form,
			Model model, RedirectAttributes redirect) {
		try {
			Webhooks.Registered registered = this.webhooks
				.register(new Webhooks.Registration(form.url(), form.events(), form.format()), me.id());
			redirect.addFlashAttribute("newSecret", registered.secret());
			redirect.addFlashAttribute("success", "flash.webhook.registered");
			redirect.addFlashAttribute("successArg", registered.id());
			return "redirect:/admin/webhooks/" + registered.id();
		}
		catch (InvalidFieldException ex) {
			BindingResult errors = new BeanPropertyBindingResult(form, "form");
			errors.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), ex.messageCode());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
			return populate(model);
		}
	}

	@GetMapping("/admin/webhooks/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("endpoint", this.webhooks.endpoint(id));
		model.addAttribute("deliveries", this.webhooks.deliveries(id, 100));
		return "integration/webhook";
	}

	@PostMapping("/admin/webhooks/{id}/deliveries/{deliveryId}/resend")
	String sendAgain(@PathVariable long id, @PathVariable long deliveryId, RedirectAttributes redirect) {
		this.webhooks.sendAgain(id, deliveryId);
		redirect.addFlashAttribute("success", "flash.webhook.resent");
		redirect.addFlashAttribute("successArg", deliveryId);
		return "redirect:/admin/webhooks/" + id;
	}

	@PostMapping("/admin/webhooks/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		this.webhooks.enable(id);
		redirect.addFlashAttribute("success", "flash.webhook.enabled");
		return "redirect:/admin/webhooks/" + id;
	}

	private String populate(Model model) {
		model.addAttribute("endpoints", this.webhooks.endpoints());
		model.addAttribute("eventTypes",
				Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList());
		return "integration/webhooks";
	}

}
