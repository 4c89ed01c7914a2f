package io.dualgate.audit;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditApiController {

	private final AuditTrail trail;

	AuditApiController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/v1/audit/verify")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE')")
	Map<String, Object> verify() {
		AuditVerification verification = this.trail.verify();
		return (verification.intact()) ? Map.of("events", verification.events(), "intact", true) : Map.of("events",
				verification.events(), "intact", false, "firstBrokenSeq", verification.firstBrokenSeq());
	}

}
