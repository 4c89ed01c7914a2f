package io.dualgate.gate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.dualgate.people.ActiveDelegation;

/**
 * Whose each track of a prototype's gates is: the prototype's assigned Exploration PM
 * answers and signs the technical track, its assigned Delivery PM the commercial track,
 * and while one of their delegations runs, their delegate on their behalf. Read from the
 * portfolio and the people module when a gate is acted on, so a reassignment or a new
 * delegation counts at once; a delegation's period is checked for the instant of each use
 * ({@link #at} for questions, the signing instant for a signature).
 *
 * @param delegations delegations of the two PMs that had not ended at {@code at}
 * @param at the instant the questions {@link #owns} and {@link #holding} are asked for
 */
record TrackOwners(long explorationPmId, long deliveryPmId, List<ActiveDelegation> delegations, Instant at) {

	/** Owners without delegations (tests of the aggregate). */
	TrackOwners(long explorationPmId, long deliveryPmId) {
		this(explorationPmId, deliveryPmId, List.of(), Instant.EPOCH);
	}

	long ownerOf(Track track) {
		return (track == Track.TECHNICAL) ? this.explorationPmId : this.deliveryPmId;
	}

	/** The track's assigned PM or their running delegate, holding the track's role. */
	boolean owns(Track track, Actor actor) {
		return holding(track, actor, this.at).isPresent();
	}

	/**
	 * How this person holds the track at {@code instant}: as its assigned PM, on behalf
	 * of that PM under a delegation that runs at that instant, or not at all. Either way
	 * they must hold the track's role themselves.
	 */
	Optional<Capacity> holding(Track track, Actor actor, Instant instant) {
		if (!actor.holds(track.signingRole())) {
			return Optional.empty();
		}
		long owner = ownerOf(track);
		if (actor.id() == owner) {
			return Optional.of(Capacity.DIRECT);
		}
		return this.delegations.stream()
			.filter((d) -> d.delegatorId() == owner && d.delegateId() == actor.id()
					&& d.authority().name().equals(track.name()) && d.runsAt(instant))
			.findFirst()
			.map(Capacity::onBehalf);
	}

	/**
	 * The capacity a person acts in on a track: directly ({@code delegation == null}) or
	 * on behalf of the delegator.
	 */
	record Capacity(ActiveDelegation delegation) {

		static final Capacity DIRECT = new Capacity(null);

		static Capacity onBehalf(ActiveDelegation delegation) {
			return new Capacity(delegation);
		}

		boolean direct() {
			return this.delegation == null;
		}

		/** The person on whose behalf one acts, if any. */
		Long principalId() {
			return direct() ? null : this.delegation.delegatorId();
		}

	}

}
