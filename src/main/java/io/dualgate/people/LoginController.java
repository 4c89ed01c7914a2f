package io.dualgate.people;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@org.springframework.security.access.prepost.PreAuthorize("permitAll()")
class LoginController {

	private final ObjectProvider<SsoRegistrations> sso;

	private final SsoProperties properties;

	LoginController(ObjectProvider<SsoRegistrations> sso, SsoProperties properties) {
		this.sso = sso;
		this.properties = properties;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "sso-error", required = false) String ssoError, Model model) {
		SsoRegistrations registrations = this.sso.getIfAvailable();
		model.addAttribute("sso", registrations != null);
		model.addAttribute("localLogin", registrations == null || this.properties.localLogin());
		if (registrations != null) {
			model.addAttribute("ssoName", registrations.providerName());
			model.addAttribute("ssoAvailable", registrations.available());
		}
		if (ssoError != null) {
			// only the codes we know are shown; anything else reads as a plain failure
			model.addAttribute("ssoError", SsoLogin.KNOWN_FAILURES.contains(ssoError) ? ssoError : "failed");
		}
		return "people/login";
	}

}
