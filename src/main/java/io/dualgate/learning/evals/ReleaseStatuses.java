package io.dualgate.learning.evals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.dualgate.gate.GateKind;
import io.dualgate.gate.GateStatus;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.portfolio.Stage;
import io.dualgate.shared.InvalidFieldException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answer to a deploy pipeline: a release at a stage is approved when the prototype is
 * not killed, no guard threshold freezes it, and the stage was reached through an
 * approved dual-sign gate (PROTOTYPE needs none; without {@code stage}, the current stage
 * must have been entered through an approved gate).
 */
@Service
@Transactional(readOnly = true)
public class ReleaseStatuses {

	private final LearningAccess access;

	private final Gates gates;

	ReleaseStatuses(LearningAccess access, Gates gates) {
		this.access = access;
		this.gates = gates;
	}

	public ReleaseStatus of(String prototypeKey, String requested, AuthenticatedUser viewer) {
		PrototypeView prototype = this.access.readable(prototypeKey, viewer);
		Stage wanted = null;
		if (requested != null && !requested.isBlank()) {
			wanted = Arrays.stream(Stage.values())
				.filter((s) -> s != Stage.KILLED && s.name().equalsIgnoreCase(requested.strip()))
				.findFirst()
				.orElseThrow(
						() -> new InvalidFieldException("stage", "release.stage.invalid", Json.excerpt(requested)));
		}
		return of(prototype, wanted);
	}

	public ReleaseStatus of(PrototypeView prototype, Stage wanted) {
		List<GateView> stageGates = this.gates.forPrototype(prototype.id())
			.stream()
			.filter((g) -> g.kind() == GateKind.STAGE)
			.toList();
		ReleaseStatus.GateSummary open = stageGates.stream()
			.filter(GateView::open)
			.findFirst()
			.map(ReleaseStatuses::summary)
			.orElse(null);
		Optional<GateView> last = stageGates.stream()
			.filter((g) -> g.decidedAt() != null)
			.max(Comparator.comparing(GateView::decidedAt));
		ReleaseStatus.GateSummary decided = last.map(ReleaseStatuses::summary).orElse(null);
		ReleaseStatus.Freeze freeze = this.gates.freezeOf(prototype.id())
			.map((f) -> new ReleaseStatus.Freeze(f.guard(), f.description(), f.since()))
			.orElse(null);
		String reason;
		if (prototype.stage() == Stage.KILLED) {
			reason = "KILLED";
		}
		else if (freeze != null) {
			reason = "FROZEN";
		}
		else if (wanted != null) {
			reason = (prototype.stage().ordinal() >= wanted.ordinal()) ? null : "STAGE_NOT_REACHED";
		}
		else {
			boolean enteredByGate = prototype.stage() != Stage.PROTOTYPE && stageGates.stream()
				.anyMatch((g) -> g.status() == GateStatus.APPROVED && g.toStage() == prototype.stage());
			reason = enteredByGate ? null : "NO_APPROVED_GATE";
		}
		return new ReleaseStatus(prototype.key(), prototype.stage(), wanted, reason == null, reason, open, decided,
				freeze);
	}

	private static ReleaseStatus.GateSummary summary(GateView gate) {
		return new ReleaseStatus.GateSummary(gate.id(), gate.fromStage(), gate.toStage(), gate.status(),
				gate.technical().signed(), gate.commercial().signed(), gate.openedAt(), gate.decidedAt());
	}

}
