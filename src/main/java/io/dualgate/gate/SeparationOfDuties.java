package io.dualgate.gate;

import java.util.Collection;
import java.util.Objects;

import io.dualgate.shared.RuleViolationException;

/**
 * Who may sign what: a track is signed only by a holder of its role, and one person never
 * holds both tracks of one gate, even holding both roles, directly or on behalf of
 * someone (four eyes, through delegation too). The database keeps the second rule as well
 * (a trigger on {@code gate_signature}).
 */
final class SeparationOfDuties {

	private SeparationOfDuties() {
	}

	static void check(Track track, Actor signer, Long principalId, Collection<Signature> signaturesOfGate) {
		if (!signer.holds(track.signingRole())) {
			throw new RuleViolationException("gate.sign.wrongRole." + track);
		}
		if (holdsOtherTrack(track, signer.id(), principalId, signaturesOfGate)) {
			throw new RuleViolationException("gate.sign.sameSigner");
		}
	}

	static boolean signedOtherTrack(Track track, Actor signer, Collection<Signature> signaturesOfGate) {
		return holdsOtherTrack(track, signer.id(), null, signaturesOfGate);
	}

	/**
	 * Whether the signer, or the person they would sign for, is already in a signature of
	 * the other track, as its signer or as the one it was given on behalf of.
	 */
	static boolean holdsOtherTrack(Track track, long signerId, Long principalId,
			Collection<Signature> signaturesOfGate) {
		return signaturesOfGate.stream()
			.filter((s) -> s.getTrack() != track)
			.anyMatch((s) -> s.getSignerId() == signerId || Objects.equals(s.getOnBehalfOfId(), signerId)
					|| (principalId != null
							&& (s.getSignerId() == principalId || Objects.equals(s.getOnBehalfOfId(), principalId))));
	}

}
