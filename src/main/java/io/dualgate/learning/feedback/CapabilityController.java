package io.dualgate.learning.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dualgate.learning.LearningAccess;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One capability's page: its daily acceptance, edit and rejection rates over the last 90
 * days (a chart, the figures in a table a click away) and its latest cases.
 */
@Controller
class CapabilityController {

	static final int TREND_DAYS = 90;

	static final int LATEST_CASES = 50;

	private final Feedback feedback;

	private final LearningAccess access;

	private final List<CapabilityPageSection> sections;

	private final JsonMapper json = JsonMapper.builder().build();

	CapabilityController(Feedback feedback, LearningAccess access,
			org.springframework.beans.factory.ObjectProvider<CapabilityPageSection> sections) {
		this.feedback = feedback;
		this.access = access;
		this.sections = sections.orderedStream().toList();
	}

	@GetMapping("/prototypes/{key}/capabilities/{capability}")
	@PreAuthorize("isAuthenticated()")
	String page(@PathVariable String key, @PathVariable String capability,
			@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		PrototypeView prototype = this.access.readable(key, me);
		Feedback.CapabilityFeedback figures = this.feedback.of(prototype, capability, TREND_DAYS, LATEST_CASES);
		model.addAttribute("prototype", prototype);
		model.addAttribute("capability", figures.capability());
		model.addAttribute("figures", figures);
		model.addAttribute("trend", trend(figures.days()));
		model.addAttribute("trendDays", TREND_DAYS);
		model.addAttribute("mayWrite", this.access.mayWrite(prototype, me));
		this.sections.forEach((section) -> section.populate(prototype, figures.capability(), me, model));
		model.addAttribute("sections", this.sections.stream().map(CapabilityPageSection::fragment).toList());
		return "learning/capability";
	}

	/** The chart's data: a date axis and three series, as a JSON data attribute. */
	private String trend(List<FeedbackDay> days) {
		List<String> labels = new ArrayList<>();
		List<Object> accepted = new ArrayList<>();
		List<Object> edited = new ArrayList<>();
		List<Object> rejected = new ArrayList<>();
		for (FeedbackDay day : days) {
			labels.add(day.day().toString());
			accepted.add(day.acceptanceRate());
			edited.add(day.editRate());
			rejected.add(day.rejectionRate());
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", labels);
		data.put("series", List.of(Map.of("key", "accepted", "values", accepted),
				Map.of("key", "edited", "values", edited), Map.of("key", "rejected", "values", rejected)));
		return this.json.writeValueAsString(data);
	}

}
