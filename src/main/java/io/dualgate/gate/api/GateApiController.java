package io.dualgate.gate.api;

import java.io.IOException;
import java.util.List;

import io.dualgate.gate.GateStatus;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.Answer;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.shared.Decimals;
import io.dualgate.shared.Excerpt;
import io.dualgate.shared.HttpUrl;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.NumberRefused;
import io.dualgate.shared.WebLinks;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gates as JSON, and evidence from pipelines. Signing is not offered here: it stays a
 * human act in the browser.
 */
@RestController
@RequestMapping("/api/v1/gates")
class GateApiController {

	private final Gates gates;

	private final JsonMapper json;

	GateApiController(Gates gates, JsonMapper json) {
		this.gates = gates;
		this.json = json;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<GateView> list(@RequestParam(name = "status", required = false) GateStatus status) {
		return this.gates.list(status);
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	GateView get(@PathVariable long id) {
		return this.gates.get(id);
	}

	/**
	 * Posts an answer (typically a measured value) to one item. The track must be the
	 * token's user's (the prototype's assigned PM for it); a change invalidates that
	 * track's signature exactly as a browser edit does. The gate, the track and the
	 * caller's right to answer it are checked before the body is read: a stranger or a
	 * gate that does not exist gets its 403 or 404 whatever was sent.
	 */
	@PutMapping(path = "/{id}/tracks/{track}/items/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM')")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ApiAnswer.class)))
	GateView answer(@PathVariable long id, @PathVariable String track, @PathVariable String code,
			HttpServletRequest request, @AuthenticationPrincipal AuthenticatedUser me) throws IOException {
		Track which;
		try {
			which = Track.valueOf(track);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("gate.track.notFound", Excerpt.of(track));
		}
		this.gates.requireMayAnswer(id, which, me.id());
		ApiAnswer body;
		try {
			body = this.json.readValue(request.getInputStream(), ApiAnswer.class);
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotReadableException("The body is not an answer in JSON.", ex,
					new ServletServerHttpRequest(request));
		}
		if (body == null) {
			throw new HttpMessageNotReadableException("The body is empty.", new ServletServerHttpRequest(request));
		}
		return this.gates.answer(id, which, code, body.toAnswer(), null, me.id(), "API");
	}

	/**
	 * @param value {@code true}/{@code false} for an attestation, a number (or a number
	 * in a string) for a measure: at most 15 digits before and 10 after the decimal point
	 * @param evidenceUrl an http or https link to the evidence
	 * @param validUntil the last day the evidence holds ({@code 2027-03-31}, optional)
	 */
	record ApiAnswer(Object value, @Size(max = WebLinks.MAX_LENGTH) @HttpUrl String evidenceUrl,
			java.time.LocalDate validUntil) {

		/** The answer, its number parsed by the one bounded parser. */
		Answer toAnswer() {
			if (this.value == null || this.value instanceof Boolean) {
				return new Answer((Boolean) this.value, null, this.evidenceUrl, this.validUntil);
			}
			try {
				if (this.value instanceof Number number) {
					return new Answer(null, Decimals.check(number, Decimals.MEASURE), this.evidenceUrl,
							this.validUntil);
				}
				if (this.value instanceof String text && !text.isBlank()) {
					return new Answer(null, Decimals.parse(text, Decimals.MEASURE), this.evidenceUrl, this.validUntil);
				}
			}
			catch (NumberRefused ex) {
				throw ex.in("value");
			}
			// An object, an array or a blank string: never quoted back.
			throw new InvalidFieldException("value", "gate.api.value.kind");
		}

	}

}
