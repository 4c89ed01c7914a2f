package io.dualgate.gate;

import java.util.Set;

/**
 * What one person may do on one gate now, per track, as the gate decides it.
 */
public record GatePermissions(Set<Track> answerable, Set<Track> signable) {

	static final GatePermissions NONE = new GatePermissions(Set.of(), Set.of());

	public boolean mayAnswer(Track track) {
		return this.answerable.contains(track);
	}

	public boolean maySign(Track track) {
		return this.signable.contains(track);
	}

}
