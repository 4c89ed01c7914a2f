package io.dualgate.gate;

import java.time.Instant;

import io.dualgate.portfolio.Stage;

/**
 * A gate as pages, records and the API show it.
 */
public record GateView(long id, long prototypeId, String prototypeKey, String prototypeName, Stage fromStage,
		Stage toStage, GateStatus status, Instant openedAt, Long openedBy, Instant decidedAt, String decisionReason,
		long version, SlaView sla, TrackView technical, TrackView commercial, GateKind kind, String capability,
		String fromLevel, String toLevel) {

	/** An autonomy gate (one capability's next level) rather than a stage gate. */
	public boolean autonomy() {
		return this.kind == GateKind.AUTONOMY;
	}

	public TrackView track(Track track) {
		return (track == Track.TECHNICAL) ? this.technical : this.commercial;
	}

	public boolean open() {
		return this.status == GateStatus.OPEN;
	}

}
