package io.dualgate.gate;

import java.util.List;

/**
 * One track of a gate: its items, the SHA-256 of its current answers, and its signatures
 * (valid and invalidated, oldest first).
 */
public record TrackView(Track track, long templateId, int templateVersion, List<ItemView> items, String contentHash,
		List<String> failingBlockingItems, SignatureView validSignature, List<SignatureView> signatures) {

	public boolean approvable() {
		return this.failingBlockingItems.isEmpty();
	}

	public boolean signed() {
		return this.validSignature != null;
	}

}
