package io.dualgate.gate;

import io.dualgate.audit.AuditLog;
import io.dualgate.gate.events.GateApproved;
import io.dualgate.gate.events.GateOpened;
import io.dualgate.gate.events.GateRejected;
import io.dualgate.gate.events.ItemAnswered;
import io.dualgate.gate.events.SignatureInvalidated;
import io.dualgate.gate.events.TrackSigned;
import io.dualgate.portfolio.Portfolio;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every gate event to the audit trail, and moves the prototype on when a gate is
 * approved — synchronously, in the transaction of the change, so that all of it commits
 * or none of it does.
 */
@Component
class GateAuditing {

	private static final String ENTITY = "gate";

	private final AuditLog auditLog;

	private final Portfolio portfolio;

	GateAuditing(AuditLog auditLog, Portfolio portfolio) {
		this.auditLog = auditLog;
		this.portfolio = portfolio;
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
		this.auditLog.recordAs(
				event.actor(), "GATE_SIGNED", ENTITY, event.gateId(), null, AuditLog.values("track", event.track(),
						"meaning", event.meaning(), "signer", event.signerName(), "sha256", event.contentHash()),
				event.reason());
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
	void on(GateApproved event) {
		this.auditLog.recordAs(event.actor(), "GATE_APPROVED", ENTITY, event.gateId(),
				AuditLog.values("status", GateStatus.OPEN), AuditLog.values("status", GateStatus.APPROVED), null);
		this.portfolio.advance(event.prototypeId(), event.fromStage(), event.toStage(), event.decidedBy(), event.at(),
				"dual-sign gate #" + event.gateId() + " approved");
	}

}
