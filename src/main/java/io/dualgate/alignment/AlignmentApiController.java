package io.dualgate.alignment;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.dualgate.portfolio.Stage;
import io.dualgate.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every dashboard figure as JSON, and the pair data as CSV, for the token API.
 */
@RestController
class AlignmentApiController {

	static final String READERS = "hasAnyRole('EXECUTIVE','EXPLORATION_PM','DELIVERY_PM','ADMIN','AUDITOR')";

	private final AlignmentDashboard dashboard;

	AlignmentApiController(AlignmentDashboard dashboard) {
		this.dashboard = dashboard;
	}

	/**
	 * All figures; {@code points=true} adds the latest paired points of every pair (the
	 * CSV export has all of them).
	 */
	@GetMapping("/api/v1/alignment")
	@PreAuthorize(READERS)
	AlignmentReport alignment(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer lagWeeks, @RequestParam(required = false) String vertical,
			@RequestParam(required = false) Stage stage, @RequestParam(defaultValue = "false") boolean points) {
		AlignmentFilter filter = AlignmentFilter.of(from, to, lagWeeks, vertical, stage, this.dashboard.clock());
		return this.dashboard.report(filter, points);
	}

	@GetMapping(path = "/api/v1/alignment/pairs/{id}/points", produces = "text/csv")
	@PreAuthorize(READERS)
	void points(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer lagWeeks, @RequestParam(required = false) String vertical,
			@RequestParam(required = false) Stage stage, HttpServletResponse response) throws IOException {
		AlignmentFilter filter = AlignmentFilter.of(from, to, lagWeeks, vertical, stage, this.dashboard.clock());
		writeCsv(this.dashboard, id, filter, response);
	}

	static void writeCsv(AlignmentDashboard dashboard, long id, AlignmentFilter filter, HttpServletResponse response)
			throws IOException {
		PairDefinition pair = dashboard.pairs()
			.stream()
			.filter((candidate) -> candidate.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("alignment.pair.notFound", id));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"" + PairPointsCsv.fileName(pair) + "\"");
		PairPointsCsv.write(dashboard, pair, filter,
				new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
	}

}
