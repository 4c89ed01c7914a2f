package io.dualgate.learning.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.learning.LearningApi;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.shared.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Human feedback from pipelines and review tools: a JSON array or a CSV file of cases,
 * all or nothing, idempotent per case id.
 */
@RestController
class FeedbackApiController extends LearningApi {

	/** About 40,000 cases of CSV. */
	static final int MAX_BODY = 10 * 1024 * 1024;

	private final Feedback feedback;

	private final LearningAccess access;

	FeedbackApiController(Feedback feedback, LearningAccess access, MessageSource messages) {
		super(messages);
		this.feedback = feedback;
		this.access = access;
	}

	/**
	 * {@code [{"case_id": "c-1", "capability": "clause_extraction", "outcome": "ACCEPTED",
	 * "severity": "NONE", "reviewer": "m.li", "comment": "…", "occurred_at":
	 * "2026-05-01T09:30:00Z"}]} or {@code text/csv} with the same columns. 201 with what
	 * was stored, 200 when every case was held already; 422 naming every bad cell; 409
	 * naming both versions of a case id sent with other content.
	 */
	@PostMapping("/api/v1/prototypes/{key}/feedback")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	ResponseEntity<Feedback.Result> post(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me,
			HttpServletRequest request) {
		this.access.writable(key, me);
		List<FeedbackError> errors = new ArrayList<>();
		List<RawCase> rows = isCsv(request) ? CsvFeedback.parse(body(request, MAX_BODY), errors)
				: cases(json(request, MAX_BODY), errors);
		Feedback.Result result = this.feedback.record(key, rows, errors, me, isCsv(request) ? "line" : "index");
		return ResponseEntity.status((result.stored() > 0) ? HttpStatus.CREATED : HttpStatus.OK).body(result);
	}

	private static List<RawCase> cases(JsonNode body, List<FeedbackError> errors) {
		if (!body.isArray()) {
			throw FeedbackRejected.malformed("feedback.json.notArray");
		}
		List<RawCase> rows = new ArrayList<>();
		for (int i = 0; i < body.size(); i++) {
			JsonNode element = body.get(i);
			if (!element.isObject()) {
				errors.add(new FeedbackError(i, "element", "learning.field.notObject"));
				continue;
			}
			rows.add(new RawCase(i, text(element, "case_id"), text(element, "capability"), text(element, "outcome"),
					text(element, "severity"), text(element, "reviewer"), text(element, "comment"),
					text(element, "occurred_at")));
		}
		return rows;
	}

	/** Any JSON value as text; the validator decides (and bounds what it quotes). */
	private static String text(JsonNode element, String field) {
		JsonNode node = Json.field(element, field);
		if (node == null) {
			return null;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	@ExceptionHandler(FeedbackConflict.class)
	ProblemDetail conflict(FeedbackConflict ex, HttpServletRequest request) {
		boolean csv = isCsv(request);
		ProblemDetail problem = problem(ProblemType.CONFLICT, "feedback.duplicate", ex.count());
		problem.setProperty("conflictCount", ex.count());
		problem.setProperty("conflicts", ex.conflicts().stream().map((conflict) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put(csv ? "line" : "index", conflict.line());
			item.put("case_id", Json.excerpt(conflict.caseId()));
			item.put("stored", conflict.stored().describe());
			item.put("sent", conflict.sent().describe());
			return item;
		}).toList());
		return problem;
	}

}
