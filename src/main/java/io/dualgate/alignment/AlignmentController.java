package io.dualgate.alignment;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.dualgate.alignment.AlignmentFigures.PairPoint;
import io.dualgate.alignment.AlignmentFigures.PrototypeRef;
import io.dualgate.alignment.AlignmentFigures.SeriesPoint;
import io.dualgate.alignment.AlignmentReport.PairResult;
import io.dualgate.alignment.GatePerformanceFigures.GatePerformance;
import io.dualgate.alignment.MaturityGridFigures.MaturityGrid;
import io.dualgate.portfolio.Stage;
import io.dualgate.web.NavigationLink;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import io.dualgate.notifications.SlaFollowUpFigures;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The executive dashboard page. Charts read their data from a JSON data attribute (the
 * CSP allows no inline scripts); every chart has the same numbers in a table beside it.
 */
@Controller
class AlignmentController {

	private final AlignmentDashboard dashboard;

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	private final SlaFollowUpFigures followUps;

	AlignmentController(AlignmentDashboard dashboard, MessageSource messages, SlaFollowUpFigures followUps) {
		this.dashboard = dashboard;
		this.messages = messages;
		this.followUps = followUps;
	}

	@Bean
	static NavigationLink alignmentNavigationLink() {
		return new NavigationLink(30, "/alignment", "nav.alignment",
				Set.of("EXECUTIVE", "EXPLORATION_PM", "DELIVERY_PM", "ADMIN", "AUDITOR"));
	}

	@GetMapping("/alignment")
	@PreAuthorize(AlignmentApiController.READERS)
	String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer lagWeeks, @RequestParam(required = false) String vertical,
			@RequestParam(required = false) Stage stage, @RequestParam(required = false) String prototype, Model model,
			Locale locale, HttpServletResponse response) {
		AlignmentFilter filter;
		try {
			filter = AlignmentFilter.of(from, to, lagWeeks, vertical, stage, this.dashboard.clock());
		}
		catch (InvalidFilterException ex) {
			// Show what is wrong and the default view rather than an error page.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("filterError", this.messages.getMessage(ex.messageCode(), ex.arguments(), locale));
			filter = AlignmentFilter.of(null, null, null, null, null, this.dashboard.clock());
		}
		AlignmentReport report = this.dashboard.report(filter, true);
		List<PrototypeRef> prototypes = this.dashboard.prototypes(filter);
		PrototypeRef selected = prototypes.stream()
			.filter((candidate) -> candidate.key().equals(prototype))
			.findFirst()
			.orElse(prototypes.isEmpty() ? null : prototypes.get(0));
		List<SeriesPoint> series = (selected != null) ? this.dashboard.series(selected, filter) : List.of();
		model.addAttribute("report", report);
		model.addAttribute("filter", filter);
		model.addAttribute("verticals", this.dashboard.verticals());
		model.addAttribute("stages", Stage.values());
		model.addAttribute("funnelStages", PortfolioFlow.FUNNEL);
		model.addAttribute("prototypes", prototypes);
		model.addAttribute("selected", selected);
		model.addAttribute("series", seriesTable(series));
		model.addAttribute("seriesMetrics", seriesMetrics(series));
		model.addAttribute("chartData", chartData(report, series, locale));
		model.addAttribute("gridHeat", gridHeat(report.maturityGrid()));
		// What the reminders did, for the gates opened in the window (from the
		// notifications module).
		model.addAttribute("followUps",
				this.followUps.between(filter.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
						filter.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
		return "alignment/dashboard";
	}

	@GetMapping("/alignment/pairs/{id}/points.csv")
	@PreAuthorize(AlignmentApiController.READERS)
	void points(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer lagWeeks, @RequestParam(required = false) String vertical,
			@RequestParam(required = false) Stage stage, HttpServletResponse response) throws IOException {
		AlignmentFilter filter = AlignmentFilter.of(from, to, lagWeeks, vertical, stage, this.dashboard.clock());
		AlignmentApiController.writeCsv(this.dashboard, id, filter, response);
	}

	/** Rows of the time-series table: one per week, a column per metric. */
	private static Map<LocalDate, Map<String, Double>> seriesTable(List<SeriesPoint> series) {
		Map<LocalDate, Map<String, Double>> rows = new java.util.TreeMap<>();
		for (SeriesPoint point : series) {
			rows.computeIfAbsent(point.week(), (week) -> new LinkedHashMap<>()).put(point.metricKey(), point.mean());
		}
		return rows;
	}

	private static List<String> seriesMetrics(List<SeriesPoint> series) {
		return series.stream().map(SeriesPoint::metricKey).distinct().toList();
	}

	private String chartData(AlignmentReport report, List<SeriesPoint> series, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		List<Map<String, Object>> pairs = new ArrayList<>();
		for (PairResult result : report.pairs()) {
			Map<String, Object> pair = new LinkedHashMap<>();
			pair.put("id", result.pair().id());
			pair.put("x", result.pair().technicalLabel());
			pair.put("y", result.pair().businessLabel());
			List<double[]> points = new ArrayList<>();
			double min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			for (PairPoint point : result.points()) {
				points.add(new double[] { point.technical(), point.business() });
				min = Math.min(min, point.technical());
				max = Math.max(max, point.technical());
			}
			pair.put("points", points);
			PairStatistics statistics = result.portfolio();
			if (statistics.slope() != null && statistics.intercept() != null && !points.isEmpty()) {
				pair.put("line", List.of(new double[] { min, statistics.intercept() + statistics.slope() * min },
						new double[] { max, statistics.intercept() + statistics.slope() * max }));
			}
			pairs.add(pair);
		}
		data.put("pairs", pairs);
		Map<String, List<Object[]>> seriesData = new LinkedHashMap<>();
		for (SeriesPoint point : series) {
			seriesData.computeIfAbsent(point.metricKey(), (key) -> new ArrayList<>())
				.add(new Object[] { point.week().toString(), point.mean() });
		}
		data.put("series", seriesData);
		List<String> stageLabels = new ArrayList<>();
		List<Long> reached = new ArrayList<>();
		List<Long> current = new ArrayList<>();
		for (Stage stage : PortfolioFlow.FUNNEL) {
			stageLabels.add(this.messages.getMessage("stage." + stage, null, stage.name(), locale));
			reached.add(report.flow().reachedByStage().get(stage));
			current.add(report.flow().currentByStage().get(stage));
		}
		data.put("funnel", Map.of("labels", stageLabels, "reached", reached, "current", current));
		GatePerformance gates = report.gatePerformance();
		if (gates != null) {
			List<String> months = gates.rows().stream().map(GatePerformance.Row::month).distinct().sorted().toList();
			List<Map<String, Object>> datasets = new ArrayList<>();
			for (String track : List.of("GATE", "TECHNICAL", "COMMERCIAL")) {
				List<Double> medians = new ArrayList<>();
				for (String month : months) {
					medians.add(gates.rows()
						.stream()
						.filter((row) -> month.equals(row.month()) && track.equals(row.track()))
						.map(GatePerformance.Row::medianHours)
						.findFirst()
						.orElse(null));
				}
				datasets.add(Map.of("track", track, "label", message("alignment.gates.track." + track, locale),
						"medians", medians));
			}
			// the configured SLA (dualgate.gate.sla-hours), not a constant
			data.put("gates",
					Map.of("months", months, "datasets", datasets, "target", gates.slaHours(), "targetLabel",
							this.messages.getMessage("alignment.gates.chart.targetSla",
									new Object[] { gates.slaHours() }, locale),
							"axis", message("alignment.gates.chart.axis", locale)));
		}
		MaturityGrid grid = report.maturityGrid();
		if (grid != null) {
			List<String> dimensions = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				dimensions.add(message("alignment.grid.dimension." + i, locale));
			}
			List<String> levels = new ArrayList<>();
			for (int level = 1; level <= 3; level++) {
				levels.add(this.messages.getMessage("maturity.level", new Object[] { level }, locale));
			}
			data.put("grid", Map.of("dimensions", dimensions, "levels", levels, "counts", grid.counts(), "label",
					message("alignment.grid.chart.count", locale)));
		}
		data.put("labels", Map.of("points", message("alignment.chart.points", locale), "line",
				message("alignment.chart.regressionLine", locale), "reached", message("alignment.flow.reached", locale),
				"current", message("alignment.flow.current", locale)));
		return this.json.writeValueAsString(data);
	}

	/**
	 * Shade 0-4 of each grid cell relative to the largest, for the heat map table's
	 * classes.
	 */
	private static int[][] gridHeat(MaturityGrid grid) {
		int[][] heat = new int[3][3];
		if (grid == null) {
			return heat;
		}
		long max = 0;
		for (long[] row : grid.counts()) {
			for (long count : row) {
				max = Math.max(max, count);
			}
		}
		for (int d = 0; d < 3; d++) {
			for (int l = 0; l < 3; l++) {
				heat[d][l] = (max > 0) ? (int) Math.round(4.0 * grid.counts()[d][l] / max) : 0;
			}
		}
		return heat;
	}

	private String message(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

}
