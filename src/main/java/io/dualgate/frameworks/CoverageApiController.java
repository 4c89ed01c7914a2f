package io.dualgate.frameworks;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.shared.InvalidFieldException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A prototype's coverage of the applicable frameworks as JSON, and the decision whether a
 * control applies to it.
 */
@RestController
class CoverageApiController {

	private final Coverage coverage;

	CoverageApiController(Coverage coverage) {
		this.coverage = coverage;
	}

	@GetMapping("/api/v1/prototypes/{key}/coverage")
	@PreAuthorize("isAuthenticated()")
	CoverageReport coverage(@PathVariable String key) {
		return this.coverage.report(key);
	}

	/**
	 * Whether a control applies to the prototype (with a justification when it does not);
	 * the prototype's own PMs and admins only.
	 */
	@PutMapping("/api/v1/prototypes/{key}/applicability/{controlId}")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	CoverageReport decide(@PathVariable String key, @PathVariable long controlId,
			@Valid @RequestBody(required = false) Applicability body, @AuthenticationPrincipal AuthenticatedUser me) {
		// Whose prototype first: a stranger learns nothing from the body's checks.
		this.coverage.requireMayDecide(key, me);
		if (body == null || body.applicable() == null) {
			throw new InvalidFieldException("applicable", "coverage.applicable.required");
		}
		this.coverage.decide(key, controlId, body.applicable(), body.justification(), me);
		return this.coverage.report(key);
	}

	/**
	 * @param applicable whether the control applies
	 * @param justification why it does not (required then), at most 1000 characters
	 */
	record Applicability(Boolean applicable, @Size(max = 1000) String justification) {

	}

}
