package io.dualgate.integration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events an endpoint may subscribe to, named as receivers see them.
 */
enum WebhookEventType {

	GATE_OPENED("gate.opened"), GATE_SIGNATURE_RECORDED("gate.signature.recorded"),
	GATE_SIGNATURE_INVALIDATED("gate.signature.invalidated"), GATE_APPROVED("gate.approved"),
	GATE_REJECTED("gate.rejected"), GATE_OVERDUE("gate.overdue"), PROTOTYPE_STAGE_CHANGED("prototype.stage.changed"),
	KILL_CRITERION_MET("killcriterion.met"), EVIDENCE_EXPIRED("evidence.expired");

	private final String wireName;

	WebhookEventType(String wireName) {
		this.wireName = wireName;
	}

	String wireName() {
		return this.wireName;
	}

	static Optional<WebhookEventType> ofWireName(String name) {
		return Arrays.stream(values()).filter((t) -> t.wireName.equals(name)).findFirst();
	}

}
