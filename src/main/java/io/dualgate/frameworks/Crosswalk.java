package io.dualgate.frameworks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.gate.template.ChecklistTemplate;
import io.dualgate.gate.template.ChecklistTemplates;
import io.dualgate.portfolio.Stage;

import org.springframework.stereotype.Component;

/**
 * Which checklist items of the templates in force cover several frameworks at once: one
 * row per item, the controls it cites per framework, items citing the most frameworks
 * first.
 */
@Component
class Crosswalk {

	private final ChecklistTemplates templates;

	private final Frameworks frameworks;

	Crosswalk(ChecklistTemplates templates, Frameworks frameworks) {
		this.templates = templates;
		this.frameworks = frameworks;
	}

	List<Row> rows() {
		List<String> keys = this.frameworks.frameworks().stream().map(FrameworkView::key).toList();
		List<Row> rows = new ArrayList<>();
		for (Stage from : List.of(Stage.PROTOTYPE, Stage.POC, Stage.PILOT)) {
			for (Track track : Track.values()) {
				this.templates.current(from, track).ifPresent((template) -> {
					for (ItemSpec item : template.specs()) {
						if (item.references().isEmpty()) {
							continue;
						}
						Map<String, List<String>> clauses = new LinkedHashMap<>();
						keys.forEach((key) -> clauses.put(key, new ArrayList<>()));
						for (FrameworkRef reference : item.references()) {
							clauses.computeIfAbsent(reference.framework(), (k) -> new ArrayList<>())
								.add(reference.clause());
						}
						int count = (int) clauses.values().stream().filter((list) -> !list.isEmpty()).count();
						rows.add(new Row(template, item, clauses, count));
					}
				});
			}
		}
		rows.sort(Comparator.comparingInt(Row::frameworkCount).reversed());
		return rows;
	}

	/**
	 * @param clauses per framework key, the clause ids the item cites (empty when none)
	 */
	record Row(ChecklistTemplate template, ItemSpec item, Map<String, List<String>> clauses, int frameworkCount) {

		public Stage fromStage() {
			return this.template.getFromStage();
		}

		public Stage toStage() {
			return this.template.getToStage();
		}

		public Track track() {
			return this.template.getTrack();
		}

	}

}
