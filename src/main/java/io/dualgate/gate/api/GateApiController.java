package io.dualgate.gate.api;

import java.math.BigDecimal;
import java.util.List;

import io.dualgate.gate.GateStatus;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.Answer;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

	GateApiController(Gates gates) {
		this.gates = gates;
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
	 * track's signature exactly as a browser edit does.
	 */
	@PutMapping("/{id}/tracks/{track}/items/{code}")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM')")
	GateView answer(@PathVariable long id, @PathVariable String track, @PathVariable String code,
			@Valid @RequestBody ApiAnswer body, @AuthenticationPrincipal AuthenticatedUser me) {
		Track which;
		try {
			which = Track.valueOf(track);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("gate.track.notFound", track);
		}
		this.gates.requireMayAnswer(id, which, me.id());
		return this.gates.answer(id, which, code, body.toAnswer(), null, me.id(), "API");
	}

	/**
	 * @param value {@code true}/{@code false} for an attestation, a number for a measure
	 * @param evidenceUrl a link to the evidence
	 * @param validUntil the last day the evidence holds ({@code 2027-03-31}, optional)
	 */
	record ApiAnswer(Object value, @Size(max = 1000) String evidenceUrl, java.time.LocalDate validUntil) {

		Answer toAnswer() {
			if (this.value instanceof Boolean yes) {
				return new Answer(yes, null, this.evidenceUrl, this.validUntil);
			}
			if (this.value instanceof Number number) {
				return new Answer(null, check(new BigDecimal(number.toString())), this.evidenceUrl, this.validUntil);
			}
			if (this.value instanceof String text && !text.isBlank()) {
				try {
					return new Answer(null, check(new BigDecimal(text.strip())), this.evidenceUrl, this.validUntil);
				}
				catch (NumberFormatException ex) {
					throw new io.dualgate.shared.RuleViolationException("gate.api.value.invalid", text);
				}
			}
			if (this.value == null) {
				return new Answer(null, null, this.evidenceUrl, this.validUntil);
			}
			throw new io.dualgate.shared.RuleViolationException("gate.api.value.invalid", String.valueOf(this.value));
		}

		private static BigDecimal check(BigDecimal value) {
			if (value.abs().compareTo(new BigDecimal("1000000000000")) > 0 || value.scale() > 6) {
				throw new io.dualgate.shared.RuleViolationException("gate.api.value.invalid", value.toPlainString());
			}
			return value;
		}

	}

}
