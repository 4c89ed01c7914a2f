package io.dualgate.learning.evals;

import java.time.Clock;
import java.util.List;

import io.dualgate.learning.LearningAccess;
import io.dualgate.learning.LearningApi;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Eval results from CI pipelines, and the answer a deploy pipeline asks before it ships.
 */
@RestController
class EvalApiController extends LearningApi {

	/** A promptfoo results file with every output is large. */
	static final int MAX_BODY = 20 * 1024 * 1024;

	private final Evals evals;

	private final ReleaseStatuses releases;

	private final LearningAccess access;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	EvalApiController(Evals evals, ReleaseStatuses releases, LearningAccess access, Clock clock,
			MessageSource messages) {
		super(messages);
		this.evals = evals;
		this.releases = releases;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * A promptfoo results file ({@code promptfoo eval --output results.json}) with
	 * {@code ?suite=} (else its {@code config.description}) and optionally
	 * {@code &commit=}; or {@code {"suite", "passed", "failed", "run_at", "commit"}}. 201
	 * with the run and its pass rate; 200 when the same promptfoo evaluation was recorded
	 * before.
	 */
	@PostMapping("/api/v1/prototypes/{key}/evals")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	ResponseEntity<EvalRunView> post(@PathVariable String key,
			@RequestParam(name = "suite", required = false) String suite,
			@RequestParam(name = "commit", required = false) String commit,
			@AuthenticationPrincipal AuthenticatedUser me, HttpServletRequest request) {
		this.access.writable(key, me);
		JsonNode body = json(request, MAX_BODY);
		EvalRun run = PromptfooResults.read(body, blank(suite), blank(commit), this.clock.instant());
		Evals.Recorded recorded = this.evals.record(key, run, me);
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.run());
	}

	@GetMapping("/api/v1/prototypes/{key}/evals")
	@PreAuthorize("isAuthenticated()")
	List<EvalRunView> list(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me) {
		PrototypeView prototype = this.access.readable(key, me);
		return this.evals.latest(prototype, 100);
	}

	/**
	 * 200 with the release status when the release may go ahead; 409 problem details with
	 * the same fields when it may not ({@code curl -f} fails closed).
	 */
	@GetMapping("/api/v1/prototypes/{key}/gate-status")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Object> gateStatus(@PathVariable String key,
			@RequestParam(name = "stage", required = false) String stage,
			@AuthenticationPrincipal AuthenticatedUser me) {
		ReleaseStatus status = this.releases.of(key, stage, me);
		if (status.approved()) {
			return ResponseEntity.ok(status);
		}
		ProblemDetail problem = problem(ProblemType.CONFLICT, "release.notApproved." + status.reason(),
				status.prototype(), status.stage(), status.requestedStage());
		JsonNode fields = this.json.valueToTree(status);
		fields.properties().forEach((field) -> problem.setProperty(field.getKey(), field.getValue()));
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
