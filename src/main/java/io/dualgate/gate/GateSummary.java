package io.dualgate.gate;

import java.time.Instant;

import io.dualgate.portfolio.Stage;

/**
 * A gate as lists show it: the prototype, the transition, the status, each track's valid
 * signature and the SLA clock; for an autonomy gate, the capability and its levels. Built
 * without the checklist items, so that a page of a list costs the same however many gates
 * there are.
 */
public record GateSummary(long id, long prototypeId, String prototypeKey, String prototypeName, Stage fromStage,
		Stage toStage, GateStatus status, Instant openedAt, SlaView sla, TrackSummary technical,
		TrackSummary commercial, GateKind kind, String capability, String fromLevel, String toLevel) {

	/** An autonomy gate (one capability's next level) rather than a stage gate. */
	public boolean autonomy() {
		return this.kind == GateKind.AUTONOMY;
	}

	/** A track in a list: who holds its valid signature, and what it means. */
	public record TrackSummary(Track track, SignedBy validSignature) {

		public boolean signed() {
			return this.validSignature != null;
		}

	}

	/** The valid signature of a track, as a list shows it. */
	public record SignedBy(Meaning meaning, String signerName) {
	}

}
