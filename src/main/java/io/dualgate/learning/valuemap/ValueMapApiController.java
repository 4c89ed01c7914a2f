package io.dualgate.learning.valuemap;

import java.util.ArrayList;
import java.util.List;

import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.learning.LearningApi;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A prototype's value maps for programs: read, and stated by its PMs and admins. */
@RestController
class ValueMapApiController extends LearningApi {

	private final ValueMaps valueMaps;

	private final LearningAccess access;

	ValueMapApiController(ValueMaps valueMaps, LearningAccess access, MessageSource messages) {
		super(messages);
		this.valueMaps = valueMaps;
		this.access = access;
	}

	@GetMapping("/api/v1/prototypes/{key}/value-maps")
	@PreAuthorize("isAuthenticated()")
	List<ValueMapView> list(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me) {
		PrototypeView prototype = this.access.readable(key, me);
		return this.valueMaps.forPrototype(prototype);
	}

	/**
	 * {@code {"title": "…", "steps": [{"fromMetric": "rag_latency_p95_ms", "fromChange":
	 * -100, "toMetric": "nps", "toChange": 7.5, "assumption": "…"}, {"fromMetric": "nps",
	 * "fromChange": 7.5, "toUnit": "USD/year", "toChange": 187000, "assumption": "…"}]}};
	 * each step starts where the last ended; only the last may end in money.
	 */
	@PostMapping("/api/v1/prototypes/{key}/value-maps")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	ResponseEntity<ValueMapView> state(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me,
			HttpServletRequest request) {
		this.access.writable(key, me);
		JsonNode body = jsonObject(request, 64 * 1024);
		List<ValueMaps.StepInput> steps = new ArrayList<>();
		JsonNode list = Json.field(body, "steps");
		if (list != null) {
			if (!list.isArray()) {
				throw new InvalidFieldException("steps", "learning.field.notArray");
			}
			for (int i = 0; i < list.size(); i++) {
				JsonNode step = list.get(i);
				String path = "steps[" + i + "].";
				if (!step.isObject()) {
					throw new InvalidFieldException("steps[" + i + "]", "learning.field.notObject");
				}
				steps.add(new ValueMaps.StepInput(Json.text(step, "fromMetric", path + "fromMetric", 64),
						Json.text(step, "fromChange", path + "fromChange", 40),
						Json.text(step, "toMetric", path + "toMetric", 64),
						Json.text(step, "toUnit", path + "toUnit", 32),
						Json.text(step, "toChange", path + "toChange", 40),
						Json.text(step, "lagWeeks", path + "lagWeeks", 40),
						Json.text(step, "assumption", path + "assumption", ValueMaps.MAX_ASSUMPTION)));
			}
		}
		ValueMapView created = this.valueMaps.state(key, Json.text(body, "title", "title", ValueMaps.MAX_TITLE), steps,
				me);
		return ResponseEntity.status(HttpStatus.CREATED).body(created);
	}

}
