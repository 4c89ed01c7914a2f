package io.dualgate.gate.template;

import java.time.Instant;

import io.dualgate.gate.Track;
import io.dualgate.portfolio.Stage;

/**
 * One version of a checklist template as pages show it.
 */
public record TemplateView(long id, Stage fromStage, Stage toStage, Track track, int version, String title,
		Instant createdAt, String changeNote, int items, io.dualgate.gate.GateKind kind, String toLevel) {

	static TemplateView of(ChecklistTemplate template) {
		return new TemplateView(template.getId(), template.getFromStage(), template.getToStage(), template.getTrack(),
				template.getVersion(), template.getTitle(), template.getCreatedAt(), template.getChangeNote(),
				template.specs().size(), template.getKind(), template.getToLevel());
	}

	public boolean autonomy() {
		return this.kind == io.dualgate.gate.GateKind.AUTONOMY;
	}

}
