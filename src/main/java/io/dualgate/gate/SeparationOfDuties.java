package io.dualgate.gate;

import java.util.Collection;

import io.dualgate.shared.RuleViolationException;

/**
 * Who may sign what: a track is signed only by a holder of its role, and one person never
 * signs both tracks of one gate, even holding both roles (four eyes). The database keeps
 * the second rule as well (a trigger on {@code gate_signature}).
 */
final class SeparationOfDuties {

	private SeparationOfDuties() {
	}

	static void check(Track track, Actor signer, Collection<Signature> signaturesOfGate) {
		if (!signer.holds(track.signingRole())) {
			throw new RuleViolationException("gate.sign.wrongRole." + track);
		}
		if (signedOtherTrack(track, signer, signaturesOfGate)) {
			throw new RuleViolationException("gate.sign.sameSigner");
		}
	}

	static boolean signedOtherTrack(Track track, Actor signer, Collection<Signature> signaturesOfGate) {
		return signaturesOfGate.stream().anyMatch((s) -> s.getTrack() != track && s.getSignerId() == signer.id());
	}

}
