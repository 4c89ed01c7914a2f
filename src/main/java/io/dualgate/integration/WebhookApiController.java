package io.dualgate.integration;

import java.util.List;

import io.dualgate.people.AuthenticatedUser;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints for admins: register one ({@code url}, {@code events}, optional
 * {@code format}: 201 with its {@code id} and its signing {@code secret}, shown this
 * once), list them, and read an endpoint's delivery log.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookApiController {

	private final Webhooks webhooks;

	WebhookApiController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Webhooks.Registered register(@AuthenticationPrincipal AuthenticatedUser me, @RequestBody Body body) {
		return this.webhooks.register(new Webhooks.Registration(body.url(), body.events(), body.format()), me.id());
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	List<Webhooks.Endpoint> list() {
		return this.webhooks.endpoints();
	}

	@GetMapping("/{id}/deliveries")
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	List<Webhooks.Delivery> deliveries(@PathVariable long id,
			@RequestParam(name = "limit", defaultValue = "100") int limit) {
		if (limit < 1 || limit > 500) {
			throw new IllegalArgumentException("limit must be between 1 and 500");
		}
		return this.webhooks.deliveries(id, limit);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body must be JSON: {\"url\": \"https://...\", \"events\": [\"gate.approved\"], \"format\": \"standard|slack\"}");
		problem.setProperty("code", "webhook.body.unreadable");
		return problem;
	}

	record Body(String url, List<String> events, String format) {
	}

}
