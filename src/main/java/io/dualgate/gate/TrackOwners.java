package io.dualgate.gate;

/**
 * Whose each track of a prototype's gates is: the prototype's assigned Exploration PM
 * answers and signs the technical track, its assigned Delivery PM the commercial track.
 * Read from the portfolio when a gate is acted on, so a reassignment counts at once.
 */
record TrackOwners(long explorationPmId, long deliveryPmId) {

	long ownerOf(Track track) {
		return (track == Track.TECHNICAL) ? this.explorationPmId : this.deliveryPmId;
	}

	/** The track's assigned PM, while they hold the track's role. */
	boolean owns(Track track, Actor actor) {
		return actor.holds(track.signingRole()) && actor.id() == ownerOf(track);
	}

}
