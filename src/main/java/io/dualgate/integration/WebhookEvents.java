package io.dualgate.integration;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dualgate.gate.events.GateApproved;
import io.dualgate.gate.events.GateOpened;
import io.dualgate.gate.events.GateRejected;
import io.dualgate.gate.events.SignatureInvalidated;
import io.dualgate.gate.events.TrackSigned;
import io.dualgate.metrics.KillCriterionMet;
import io.dualgate.notifications.GateOverdue;
import io.dualgate.portfolio.EvidenceExpired;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeStageChanged;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues a delivery per subscribed endpoint for what happened, after the change committed
 * (from the event publication registry, retried until queued; queuing is idempotent).
 */
@Component
class WebhookEvents {

	private final Webhooks webhooks;

	private final Portfolio portfolio;

	WebhookEvents(Webhooks webhooks, Portfolio portfolio) {
		this.webhooks = webhooks;
		this.portfolio = portfolio;
	}

	@ApplicationModuleListener
	void on(GateOpened event) {
		Map<String, Object> data = gate(event.gateId(), event.prototypeId());
		data.put("fromStage", event.fromStage().name());
		data.put("toStage", event.toStage().name());
		data.put("openedAt", event.at().toString());
		this.webhooks.enqueue(WebhookEventType.GATE_OPENED, "gate.opened:" + event.gateId(), event.at(), data);
	}

	@ApplicationModuleListener
	void on(TrackSigned event) {
		Map<String, Object> data = gate(event.gateId(), event.prototypeId());
		data.put("track", event.track().name());
		data.put("meaning", event.meaning().name());
		data.put("signer", event.signerName());
		data.put("onBehalfOfId", event.onBehalfOfId());
		data.put("delegationId", event.delegationId());
		data.put("sha256", event.contentHash());
		data.put("signedAt", event.at().toString());
		this.webhooks.enqueue(WebhookEventType.GATE_SIGNATURE_RECORDED,
				"gate.signature.recorded:" + event.gateId() + ":" + event.track() + ":" + event.at().toEpochMilli(),
				event.at(), data);
	}

	@ApplicationModuleListener
	void on(SignatureInvalidated event) {
		Map<String, Object> data = gate(event.gateId(), event.prototypeId());
		data.put("track", event.track().name());
		data.put("signatureId", event.signatureId());
		data.put("signer", event.signerName());
		data.put("reason", event.reason());
		data.put("invalidatedAt", event.at().toString());
		this.webhooks.enqueue(WebhookEventType.GATE_SIGNATURE_INVALIDATED,
				"gate.signature.invalidated:" + event.signatureId(), event.at(), data);
	}

	@ApplicationModuleListener
	void on(GateApproved event) {
		Map<String, Object> data = gate(event.gateId(), event.prototypeId());
		data.put("fromStage", event.fromStage().name());
		data.put("toStage", event.toStage().name());
		data.put("approvedAt", event.at().toString());
		this.webhooks.enqueue(WebhookEventType.GATE_APPROVED, "gate.approved:" + event.gateId(), event.at(), data);
	}

	@ApplicationModuleListener
	void on(GateRejected event) {
		Map<String, Object> data = gate(event.gateId(), event.prototypeId());
		data.put("reason", event.reason());
		data.put("rejectedAt", event.at().toString());
		this.webhooks.enqueue(WebhookEventType.GATE_REJECTED, "gate.rejected:" + event.gateId(), event.at(), data);
	}

	@ApplicationModuleListener
	void on(GateOverdue event) {
		Map<String, Object> data = gate(event.gateId(), event.prototypeId());
		data.put("dueAt", event.dueAt().toString());
		this.webhooks.enqueue(WebhookEventType.GATE_OVERDUE, "gate.overdue:" + event.gateId(), event.at(), data);
	}

	@ApplicationModuleListener
	void on(PrototypeStageChanged event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("prototypeKey", event.prototypeKey());
		data.put("prototypeName", event.prototypeName());
		data.put("fromStage", (event.fromStage() != null) ? event.fromStage().name() : null);
		data.put("toStage", event.toStage().name());
		data.put("reason", event.reason());
		this.webhooks.enqueue(WebhookEventType.PROTOTYPE_STAGE_CHANGED,
				"prototype.stage.changed:" + event.prototypeId() + ":" + event.toStage(), event.at(), data);
	}

	@ApplicationModuleListener
	void on(KillCriterionMet event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("prototypeKey", event.prototypeKey());
		data.put("prototypeName", event.prototypeName());
		data.put("criterionId", event.criterionId());
		data.put("rule", event.rule());
		this.webhooks.enqueue(WebhookEventType.KILL_CRITERION_MET,
				"killcriterion.met:" + event.criterionId() + ":" + event.at().toEpochMilli(), event.at(), data);
	}

	@ApplicationModuleListener
	void on(EvidenceExpired event) {
		PrototypeView prototype = this.portfolio.get(event.prototypeId());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("prototypeKey", prototype.key());
		data.put("prototypeName", prototype.name());
		data.put("evidence", event.reference());
		data.put("label", event.label());
		data.put("link", event.link());
		data.put("validUntil", event.validUntil().toString());
		this.webhooks.enqueue(WebhookEventType.EVIDENCE_EXPIRED,
				"evidence.expired:" + event.reference() + ":" + event.validUntil(), java.time.Instant.now(), data);
	}

	private Map<String, Object> gate(long gateId, long prototypeId) {
		PrototypeView prototype = this.portfolio.get(prototypeId);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("gateId", gateId);
		data.put("prototypeKey", prototype.key());
		data.put("prototypeName", prototype.name());
		return data;
	}

}
