package io.dualgate.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditApiController {

	private final AuditTrail trail;

	private final AuditExport export;

	private final Clock clock;

	AuditApiController(AuditTrail trail, AuditExport export, Clock clock) {
		this.trail = trail;
		this.export = export;
		this.clock = clock;
	}

	@GetMapping("/api/v1/audit/verify")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'AUDITOR')")
	Map<String, Object> verify() {
		AuditVerification verification = this.trail.verify();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("events", verification.events());
		answer.put("intact", verification.intact());
		if (!verification.intact()) {
			answer.put("firstBrokenSeq", verification.firstBrokenSeq());
		}
		answer.put("headHash", verification.headHash());
		return answer;
	}

	@GetMapping(path = "/api/v1/audit/export", produces = AuditExport.MEDIA_TYPE)
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	@Operation(summary = "The audit events the filters select, as JSON Lines",
			description = "One event per line, oldest first (seq, hashVersion, payload, prevHash, hash, as RFC 8785 "
					+ "canonical JSON), then a manifest line with the count and the head hash. Streamed. "
					+ "Verify offline with `java -jar dualgate.jar verify-audit export.jsonl`.")
	void export(
			@Parameter(description = "a day (2026-01-31, UTC) or an instant; included") @RequestParam(
					required = false) String from,
			@Parameter(description = "a day (included) or an instant (excluded)") @RequestParam(
					required = false) String to,
			@Parameter(description = "the username of the person who acted") @RequestParam(
					required = false) String person,
			@Parameter(description = "the kind of subject: prototype, gate, user, ...") @RequestParam(
					required = false) String entityType,
			@Parameter(description = "the subject's id: a prototype's key, a gate's number") @RequestParam(
					required = false) String entityId,
			@Parameter(description = "the event type, e.g. GATE_SIGNED") @RequestParam(required = false) String action,
			HttpServletResponse response) throws IOException {
		AuditFilter filter = new AuditQuery(from, to, person, entityType, entityId, action, null).toFilter();
		AuditController.stream(filter, response, this.export, this.clock);
	}

}
