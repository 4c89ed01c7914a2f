package io.dualgate.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/admin/audit")
	String list(Model model) {
		model.addAttribute("events", this.trail.latest(200));
		return "audit/list";
	}

	@GetMapping("/admin/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", this.trail.verify());
		return list(model);
	}

}
