package io.dualgate.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.shared.BoundedInputStream;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Observations for pipelines: a JSON array or a CSV body in, all or nothing; read back
 * per prototype. Recording needs a PM or admin role here and, per prototype, to be one of
 * its PMs (or an admin): see {@link Metrics#mayRecord}.
 */
@RestController
class ObservationApiController {

	private final Metrics metrics;

	/** The largest body spooled (the upload limit); a longer one is refused with 413. */
	private final long maxBodyBytes;

	ObservationApiController(Metrics metrics,
			@Value("${spring.servlet.multipart.max-request-size:52MB}") DataSize maxBody) {
		this.metrics = metrics;
		this.maxBodyBytes = maxBody.toBytes();
	}

	@PostMapping(path = "/api/v1/observations", consumes = "application/json")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	ResponseEntity<Map<String, Long>> postJson(@RequestBody JsonNode body,
			@AuthenticationPrincipal AuthenticatedUser me) {
		if (body == null || !body.isArray()) {
			throw ObservationsRejected.malformed("observation.api.notArray");
		}
		List<Metrics.RawObservationInput> inputs = new ArrayList<>();
		List<CellError> shapeErrors = new ArrayList<>();
		long shapeErrorCount = 0;
		for (int i = 0; i < body.size(); i++) {
			JsonNode element = body.get(i);
			if (!element.isObject()) {
				if (shapeErrors.size() < ObservationsRejected.MAX_REPORTED) {
					shapeErrors.add(new CellError(i, "element", "observation.api.notObject"));
				}
				shapeErrorCount++;
				inputs.add(new Metrics.RawObservationInput(null, null, null, null));
				continue;
			}
			inputs.add(new Metrics.RawObservationInput(text(element, "prototype"), text(element, "metric"),
					text(element, "date"), text(element, "value")));
		}
		if (!shapeErrors.isEmpty()) {
			throw ObservationsRejected.invalid(shapeErrors, shapeErrorCount).asIndexes();
		}
		long accepted = this.metrics.recordAll(inputs, ObservationSource.API, me);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("accepted", accepted));
	}

	@PostMapping(path = "/api/v1/observations", consumes = "text/csv")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	ResponseEntity<Map<String, Long>> postCsv(InputStream body, @AuthenticationPrincipal AuthenticatedUser me)
			throws IOException {
		// Read once, as it arrives: parsed, validated and copied to the database row by
		// row (see ObservationStore); counted as it streams in, so a body past the limit
		// stops with 413.
		long accepted = this.metrics.importCsv(() -> new BoundedInputStream(body, this.maxBodyBytes),
				ObservationSource.API, me);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("accepted", accepted));
	}

	@GetMapping("/api/v1/prototypes/{key}/observations")
	@PreAuthorize("isAuthenticated()")
	List<Metrics.ObservationView> list(@PathVariable String key,
			@RequestParam(name = "metric", required = false) String metric,
			@RequestParam(name = "from",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.metrics.observations(key, (metric != null && !metric.isBlank()) ? metric.strip() : null, from, to);
	}

	/**
	 * Numbers and strings alike: the shared validation decides what is numeric. A number
	 * is passed on as its own (scientific) notation, never expanded: {@code 1e999999999}
	 * stays 12 characters.
	 */
	private static String text(JsonNode element, String field) {
		JsonNode node = element.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isNumber()) {
			return node.numberValue().toString();
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

}
