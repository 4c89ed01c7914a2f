package io.dualgate.gate.events;

import java.time.Instant;

import io.dualgate.portfolio.Stage;
import io.dualgate.portfolio.StageDecision;

/**
 * Both tracks of a gate hold valid approvals: the prototype moves on (the portfolio
 * listens to it as a {@link StageDecision}).
 */
public record GateApproved(long gateId, long prototypeId, Stage fromStage, Stage toStage, long decidedBy, String actor,
		Instant at) implements StageDecision {

	@Override
	public String reason() {
		return "dual-sign gate #" + this.gateId + " approved";
	}

}
