package io.dualgate.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypePageSection;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Evidence on the prototype page: the latest value of every metric, the form to record
 * one and the prototype's kill criteria, flagged when met.
 */
@Component
class MetricsSection implements PrototypePageSection {

	private final Metrics metrics;

	private final KillCriteria killCriteria;

	private final Clock clock;

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
		List<MetricDefinition> definitions = this.metrics.definitions();
		Map<String, MetricReading> latest = this.metrics.latestPerMetric(prototype.id())
			.stream()
			.collect(Collectors.toMap(MetricReading::metricKey, Function.identity()));
		List<KillCriteria.Criterion> criteria = this.killCriteria.forPrototype(prototype.id());
		model.addAttribute("metricDefinitions", definitions);
		model.addAttribute("latestReadings", latest);
		model.addAttribute("killCriteria", criteria);
		model.addAttribute("killCriterionMet", criteria.stream().anyMatch(KillCriteria.Criterion::met));
		model.addAttribute("mayRecordEvidence", Metrics.mayRecord(viewer, prototype));
		model.addAttribute("today", LocalDate.now(this.clock));
	}

}
