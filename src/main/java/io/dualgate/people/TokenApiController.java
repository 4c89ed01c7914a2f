package io.dualgate.people;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues personal API tokens to a person who authenticates with HTTP Basic.
 */
@RestController
class TokenApiController {

	private final ApiTokens tokens;

	TokenApiController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("isAuthenticated()")
	Map<String, String> create(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestBody(required = false) TokenRequest request) {
		String name = (request != null) ? request.name() : null;
		if (name != null && name.length() > 100) {
			throw new IllegalArgumentException("name must be at most 100 characters");
		}
		return Map.of("token", this.tokens.create(user.id(), name));
	}

	record TokenRequest(String name) {
	}

}
