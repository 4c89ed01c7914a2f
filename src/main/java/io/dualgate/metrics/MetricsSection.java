package io.dualgate.metrics;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypePageSection;
import io.dualgate.portfolio.PrototypeView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Evidence on the prototype page: the latest value of every metric with its trend over
 * the last 90 days (a small line per metric, the figures in a table a click away), the
 * form to record one and the prototype's kill criteria, flagged when met.
 */
@Component
class MetricsSection implements PrototypePageSection {

	private final Metrics metrics;

	private final KillCriteria killCriteria;

	/** How far back the trend lines reach. */
	static final int TREND_DAYS = 90;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	MetricsSection(Metrics metrics, KillCriteria killCriteria, Clock clock) {
		this.metrics = metrics;
		this.killCriteria = killCriteria;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public String fragment() {
		return "metrics/section :: evidence";
	}

	@Override
	public void populate(PrototypeView prototype, AuthenticatedUser viewer, Model model) {
		Map<String, MetricReading> latest = this.metrics.latestPerMetric(prototype.id())
			.stream()
			.collect(Collectors.toMap(MetricReading::metricKey, Function.identity()));
		// Derived metrics (from feedback, from evals) only where this prototype has them.
		List<MetricDefinition> definitions = this.metrics.definitions()
			.stream()
			.filter((d) -> !d.derived() || latest.containsKey(d.key()))
			.toList();
		List<KillCriteria.Criterion> criteria = this.killCriteria.forPrototype(prototype.id());
		model.addAttribute("metricDefinitions", definitions);
		model.addAttribute("latestReadings", latest);
		model.addAttribute("killCriteria", criteria);
		model.addAttribute("killCriterionMet", criteria.stream().anyMatch(KillCriteria.Criterion::met));
		model.addAttribute("mayRecordEvidence", Metrics.mayRecord(viewer, prototype));
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("today", today);
		List<Metrics.ObservationView> recent = this.metrics.observations(prototype.key(), null,
				today.minusDays(TREND_DAYS - 1), today);
		Map<String, List<Object[]>> trends = new LinkedHashMap<>();
		Map<LocalDate, Map<String, BigDecimal>> trendTable = new TreeMap<>(Comparator.reverseOrder());
		for (Metrics.ObservationView o : recent) {
			trends.computeIfAbsent(o.metric(), (key) -> new ArrayList<>())
				.add(new Object[] { o.date().toString(), o.value() });
			trendTable.computeIfAbsent(o.date(), (day) -> new HashMap<>()).put(o.metric(), o.value());
		}
		Map<String, String> trendJson = new HashMap<>();
		trends.forEach((key, points) -> trendJson.put(key, this.json.writeValueAsString(points)));
		model.addAttribute("trends", trendJson);
		model.addAttribute("trendTable", trendTable);
		model.addAttribute("trendMetrics",
				definitions.stream().map(MetricDefinition::key).filter(trends::containsKey).toList());
	}

}
