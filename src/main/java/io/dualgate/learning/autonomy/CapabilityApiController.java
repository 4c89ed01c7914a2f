package io.dualgate.learning.autonomy;

import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.learning.LearningApi;
import io.dualgate.people.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Declaring a capability from a pipeline, before feedback on it arrives.
 */
@RestController
class CapabilityApiController extends LearningApi {

	private final Capabilities capabilities;

	private final LearningAccess access;

	CapabilityApiController(Capabilities capabilities, LearningAccess access, MessageSource messages) {
		super(messages);
		this.capabilities = capabilities;
		this.access = access;
	}

	/**
	 * {@code {"key": "clause_extraction", "name": "Clause extraction", "description":
	 * "…"}}
	 */
	@PostMapping("/api/v1/prototypes/{key}/capabilities")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	ResponseEntity<CapabilityView> declare(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me,
			HttpServletRequest request) {
		this.access.writable(key, me);
		JsonNode body = jsonObject(request, 16 * 1024);
		CapabilityView declared = this.capabilities.declare(key, Json.text(body, "key", "key", 40),
				Json.text(body, "name", "name", Capabilities.MAX_NAME),
				Json.text(body, "description", "description", Capabilities.MAX_DESCRIPTION), me);
		return ResponseEntity.status(HttpStatus.CREATED).body(declared);
	}

}
