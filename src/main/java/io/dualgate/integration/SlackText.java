package io.dualgate.integration;

import java.util.Map;

/**
 * One line for a Slack incoming webhook ({@code {"text": ...}}).
 */
final class SlackText {

	private SlackText() {
	}

	static String of(WebhookEventType type, Map<String, Object> data) {
		Object gate = data.get("gateId");
		Object prototype = data.getOrDefault("prototypeName", data.getOrDefault("prototypeKey", ""));
		return switch (type) {
			case GATE_OPENED -> "DualGate: gate #" + gate + " opened for " + prototype;
			case GATE_SIGNATURE_RECORDED -> "DualGate: " + data.get("track") + " track of gate #" + gate + " ("
					+ prototype + ") signed " + data.get("meaning") + " by " + data.get("signer");
			case GATE_SIGNATURE_INVALIDATED -> "DualGate: a " + data.get("track") + " signature on gate #" + gate + " ("
					+ prototype + ") was invalidated: " + data.get("reason");
			case GATE_APPROVED ->
				"DualGate: gate #" + gate + " approved: " + prototype + " moves to " + data.get("toStage");
			case GATE_REJECTED -> "DualGate: gate #" + gate + " rejected for " + prototype + ": " + data.get("reason");
			case GATE_OVERDUE ->
				"DualGate: gate #" + gate + " for " + prototype + " is overdue (was due " + data.get("dueAt") + ")";
			case PROTOTYPE_STAGE_CHANGED ->
				"DualGate: " + prototype + " moved from " + data.get("fromStage") + " to " + data.get("toStage");
			case KILL_CRITERION_MET -> "DualGate: kill criterion met for " + prototype + ": " + data.get("rule");
			case EVIDENCE_EXPIRED -> "DualGate: evidence expired for " + prototype + ": " + data.get("label")
					+ " (valid until " + data.get("validUntil") + ")";
		};
	}

}
