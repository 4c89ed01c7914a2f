package io.dualgate.gate;

import io.dualgate.audit.AuditLog;
import io.dualgate.gate.events.GateApproved;
import io.dualgate.gate.events.GateOpened;
import io.dualgate.gate.events.GateRejected;
import io.dualgate.gate.events.ItemAnswered;
import io.dualgate.gate.events.SignatureInvalidated;
import io.dualgate.gate.events.TrackSigned;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes every gate event to the audit trail, synchronously, in the transaction of the
 * change, so that the change and its audit row commit together or not at all.
 */
@Component
class GateAuditing {

	private static final String ENTITY = "gate";

	private final AuditLog auditLog;

	GateAuditing(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void on(GateOpened event) {
		this.auditLog.recordAs(event.actor(), "GATE_OPENED", ENTITY, event.gateId(), null,
				AuditLog.values("prototypeId", event.prototypeId(), "from", event.fromStage(), "to", event.toStage(),
						"status", GateStatus.OPEN),
				null);
	}

	@EventListener
	void on(ItemAnswered event) {
		this.auditLog.recordAs(event.actor(), "GATE_ITEM_ANSWERED", ENTITY, event.gateId(),
				AuditLog.values("track", event.track(), "item", event.code(), "answer", event.before()),
				AuditLog.values("track", event.track(), "item", event.code(), "answer", event.after(), "source",
						event.source()),
				null);
	}

	@EventListener
	void on(TrackSigned event) {
		this.auditLog.recordAs(event.actor(), "GATE_SIGNED", ENTITY, event.gateId(), null,
				AuditLog.values("track", event.track(), "meaning", event.meaning(), "signer", event.signerName(),
						"sha256", event.contentHash(), "authentication", event.authentication()),
				event.reason());
	}

	/** A signature given on someone's behalf is a use of that delegation. */
	@EventListener
	void onDelegatedSignature(TrackSigned event) {
		if (event.delegationId() == null) {
			return;
		}
		this.auditLog.recordAs(event.actor(), "DELEGATION_USED", "delegation", event.delegationId(), null,
				AuditLog.values("gate", event.gateId(), "track", event.track(), "signer", event.signerName(),
						"onBehalfOf", event.onBehalfOfId(), "meaning", event.meaning()),
				null);
	}

	@EventListener
	void on(SignatureInvalidated event) {
		this.auditLog.recordAs(event.actor(), "GATE_SIGNATURE_INVALIDATED", ENTITY, event.gateId(),
				AuditLog.values("track", event.track(), "signature", event.signatureId(), "valid", true),
				AuditLog.values("track", event.track(), "signature", event.signatureId(), "valid", false),
				event.reason());
	}

	@EventListener
	void on(GateRejected event) {
		this.auditLog.recordAs(event.actor(), "GATE_REJECTED", ENTITY, event.gateId(),
				AuditLog.values("status", GateStatus.OPEN), AuditLog.values("status", GateStatus.REJECTED),
				event.reason());
	}

	@EventListener
	@Order(0)
	void on(io.dualgate.gate.events.AutonomyGateApproved event) {
		this.auditLog.recordAs(event.actor(), "GATE_APPROVED", ENTITY, event.gateId(),
				AuditLog.values("status", GateStatus.OPEN), AuditLog.values("status", GateStatus.APPROVED, "capability",
						event.capability(), "from", event.fromLevel(), "to", event.toLevel()),
				null);
	}

	@EventListener
	@Order(0)
	void on(GateApproved event) {
		this.auditLog.recordAs(event.actor(), "GATE_APPROVED", ENTITY, event.gateId(),
				AuditLog.values("status", GateStatus.OPEN), AuditLog.values("status", GateStatus.APPROVED), null);
	}

}
