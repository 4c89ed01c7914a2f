package io.dualgate.people;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delegations of signing authority over the API: one's own (given and received), a new
 * one ({@code track}, {@code delegate} as a username, {@code from}, {@code until} as
 * ISO-8601 instants, {@code reason}; admins may name a {@code delegator}), and revoking
 * one. The same rules as the profile page answer 422 problem details naming the field.
 */
@RestController
@RequestMapping("/api/v1/delegations")
class DelegationApiController {

	private final Delegations delegations;

	DelegationApiController(Delegations delegations) {
		this.delegations = delegations;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<ActiveDelegation> mine(@AuthenticationPrincipal AuthenticatedUser me) {
		return this.delegations.involving(me.id());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	ActiveDelegation create(@AuthenticationPrincipal AuthenticatedUser me, @RequestBody Body body) {
		return this.delegations.grant(body.toRequest(), me.id());
	}

	@PostMapping("/{id}/revoke")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	ActiveDelegation revoke(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id) {
		return this.delegations.revoke(id, me.id());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body must be JSON: {\"track\": \"TECHNICAL|COMMERCIAL\", \"delegate\": \"username\","
						+ " \"from\": \"2026-01-05T08:00:00Z\", \"until\": \"2026-01-12T08:00:00Z\", \"reason\": \"...\"}");
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("code", "delegation.body.unreadable");
		problem.setProperties(properties);
		return problem;
	}

	/**
	 * @param delegator whose signing (admins only; omitted for oneself)
	 */
	record Body(SigningAuthority track, String delegate, Instant from, Instant until, String reason, String delegator) {

		DelegationRequest toRequest() {
			return new DelegationRequest(this.track, this.delegate, this.from, this.until, this.reason, this.delegator);
		}

	}

}
