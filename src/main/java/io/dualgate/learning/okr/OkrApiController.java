package io.dualgate.learning.okr;

import java.util.ArrayList;
import java.util.List;

import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.learning.LearningApi;
import io.dualgate.learning.Quarter;
import io.dualgate.people.AuthenticatedUser;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A prototype's shared OKRs for programs: read by its PMs, executives, auditors and
 * admins; stated and checked in by its PMs (or their delegates) and admins.
 */
@RestController
class OkrApiController extends LearningApi {

	private static final int MAX_BODY = 64 * 1024;

	private final Okrs okrs;

	private final LearningAccess access;

	OkrApiController(Okrs okrs, LearningAccess access, MessageSource messages) {
		super(messages);
		this.okrs = okrs;
		this.access = access;
	}

	@GetMapping("/api/v1/prototypes/{key}/okrs")
	@PreAuthorize("isAuthenticated()")
	List<OkrView> list(@PathVariable String key, @RequestParam(name = "period", required = false) String period,
			@AuthenticationPrincipal AuthenticatedUser me) {
		List<OkrView> all = this.okrs.forPrototype(key, me);
		if (period == null || period.isBlank()) {
			return all;
		}
		String wanted = Quarter.parse(period, "period").toString();
		return all.stream().filter((okr) -> okr.period().equals(wanted)).toList();
	}

	/**
	 * {@code {"period": "2026-Q3", "objective": "…", "keyResults": [{"metric":
	 * "first_response_accuracy_pct", "baseline": 85, "target": 92, "stretch": 95,
	 * "deadline": "2026-09-30", "track": "TECHNICAL"}]}}; the unit is the metric's.
	 */
	@PostMapping("/api/v1/prototypes/{key}/okrs")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	ResponseEntity<OkrView> state(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me,
			HttpServletRequest request) {
		this.access.writable(key, me);
		JsonNode body = jsonObject(request, MAX_BODY);
		List<Okrs.KeyResultInput> keyResults = new ArrayList<>();
		JsonNode list = Json.field(body, "keyResults");
		if (list != null) {
			if (!list.isArray()) {
				throw new InvalidFieldException("keyResults", "learning.field.notArray");
			}
			for (int i = 0; i < list.size(); i++) {
				JsonNode element = list.get(i);
				String path = "keyResults[" + i + "].";
				if (!element.isObject()) {
					throw new InvalidFieldException("keyResults[" + i + "]", "learning.field.notObject");
				}
				keyResults.add(new Okrs.KeyResultInput(Json.text(element, "metric", path + "metric", 64),
						Json.text(element, "baseline", path + "baseline", 40),
						Json.text(element, "target", path + "target", 40),
						Json.text(element, "stretch", path + "stretch", 40),
						Json.text(element, "unit", path + "unit", 32),
						Json.text(element, "deadline", path + "deadline", 40),
						Json.text(element, "track", path + "track", 20)));
			}
		}
		OkrView created = this.okrs.state(key, new Okrs.OkrCommand(Json.text(body, "period", "period", 20),
				Json.text(body, "objective", "objective", Okrs.MAX_OBJECTIVE), keyResults), me);
		return ResponseEntity.status(HttpStatus.CREATED).body(created);
	}

	/**
	 * {@code {"confidence": 7, "note": "…", "date": "2026-08-03"}}; {@code track} only
	 * when the caller holds both tracks or none (an admin).
	 */
	@PostMapping("/api/v1/prototypes/{key}/okrs/{id}/check-ins")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	ResponseEntity<OkrView.CheckInView> checkIn(@PathVariable String key, @PathVariable long id,
			@AuthenticationPrincipal AuthenticatedUser me, HttpServletRequest request) {
		this.access.writable(key, me);
		JsonNode body = jsonObject(request, MAX_BODY);
		OkrView.CheckInView created = this.okrs.checkIn(key, id,
				new Okrs.CheckInCommand(Json.text(body, "track", "track", 20),
						Json.text(body, "confidence", "confidence", 40), Json.text(body, "note", "note", Okrs.MAX_NOTE),
						Json.text(body, "date", "date", 40)),
				me);
		return ResponseEntity.status(HttpStatus.CREATED).body(created);
	}

}
