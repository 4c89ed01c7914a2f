package io.dualgate.gate;

import java.time.Instant;

import io.dualgate.portfolio.Stage;

/**
 * A gate as pages, records and the API show it.
 */
public record GateView(long id, long prototypeId, String prototypeKey, String prototypeName, Stage fromStage,
		Stage toStage, GateStatus status, Instant openedAt, Long openedBy, Instant decidedAt, String decisionReason,
		long version, SlaView sla, TrackView technical, TrackView commercial) {

	public TrackView track(Track track) {
		return (track == Track.TECHNICAL) ? this.technical : this.commercial;
	}

	public boolean open() {
		return this.status == GateStatus.OPEN;
	}

}
