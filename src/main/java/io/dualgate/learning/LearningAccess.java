package io.dualgate.learning;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.dualgate.gate.Track;
import io.dualgate.people.ActiveDelegation;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.Delegations;
import io.dualgate.people.Role;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.NotPermittedException;

import org.springframework.stereotype.Component;

/**
 * Who may read and write a prototype's learning loop (OKRs, value maps, feedback, eval
 * results, guard thresholds, autonomy). Everything belongs to one prototype: its assigned
 * Exploration PM and Delivery PM, or their running delegates, write; admins may do the
 * same; executives and auditors read; anyone else is refused (403), whatever their role.
 */
@Component
public class LearningAccess {

	/** The auditor's authority, honoured as soon as the people module grants it. */
	static final String AUDITOR = "ROLE_AUDITOR";

	private final Delegations delegations;

	private final Portfolio portfolio;

	private final Clock clock;

	LearningAccess(Delegations delegations, Portfolio portfolio, Clock clock) {
		this.delegations = delegations;
		this.portfolio = portfolio;
		this.clock = clock;
	}

	/**
	 * The prototype, if this person may write its learning loop (else 403; 404 if none).
	 */
	public PrototypeView writable(String prototypeKey, AuthenticatedUser user) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		requireWrite(prototype, user);
		return prototype;
	}

	/**
	 * The prototype, if this person may read its learning loop (else 403; 404 if none).
	 */
	public PrototypeView readable(String prototypeKey, AuthenticatedUser user) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		requireRead(prototype, user);
		return prototype;
	}

	/**
	 * The tracks this person holds on the prototype now: as its assigned PM for the track
	 * (holding the track's role), or as the running delegate of that PM.
	 */
	public Set<Track> tracksOf(PrototypeView prototype, AuthenticatedUser user) {
		Instant now = this.clock.instant();
		Set<Track> tracks = EnumSet.noneOf(Track.class);
		List<ActiveDelegation> running = null;
		for (Track track : Track.values()) {
			if (!user.holds(track.signingRole())) {
				continue;
			}
			long owner = ownerOf(prototype, track);
			if (owner == user.id()) {
				tracks.add(track);
				continue;
			}
			if (running == null) {
				running = this.delegations.runningOf(List.of(prototype.explorationPmId(), prototype.deliveryPmId()),
						now);
			}
			boolean delegated = running.stream()
				.anyMatch((d) -> d.delegatorId() == owner && d.delegateId() == user.id()
						&& d.authority().name().equals(track.name()) && d.runsAt(now));
			if (delegated) {
				tracks.add(track);
			}
		}
		return tracks;
	}

	/**
	 * On whose behalf this person holds the track: empty when it is their own (or they
	 * act as an admin), the PM's id under a delegation.
	 */
	public Optional<Long> onBehalfOf(PrototypeView prototype, Track track, AuthenticatedUser user) {
		long owner = ownerOf(prototype, track);
		return (owner == user.id() || !tracksOf(prototype, user).contains(track)) ? Optional.empty()
				: Optional.of(owner);
	}

	public boolean mayWrite(PrototypeView prototype, AuthenticatedUser user) {
		return user.holds(Role.ADMIN) || !tracksOf(prototype, user).isEmpty();
	}

	public boolean mayRead(PrototypeView prototype, AuthenticatedUser user) {
		return user.holds(Role.EXECUTIVE) || isAuditor(user) || mayWrite(prototype, user);
	}

	/** Executives, auditors and admins read the whole portfolio's loop. */
	public boolean readsPortfolio(AuthenticatedUser user) {
		return user.holds(Role.EXECUTIVE) || user.holds(Role.ADMIN) || isAuditor(user);
	}

	public void requireWrite(PrototypeView prototype, AuthenticatedUser user) {
		if (!mayWrite(prototype, user)) {
			throw new NotPermittedException("learning.notYours", prototype.key());
		}
	}

	public void requireRead(PrototypeView prototype, AuthenticatedUser user) {
		if (!mayRead(prototype, user)) {
			throw new NotPermittedException("learning.notYours", prototype.key());
		}
	}

	private static boolean isAuditor(AuthenticatedUser user) {
		return user.getAuthorities().stream().anyMatch((a) -> AUDITOR.equals(a.getAuthority()));
	}

	public static long ownerOf(PrototypeView prototype, Track track) {
		return (track == Track.TECHNICAL) ? prototype.explorationPmId() : prototype.deliveryPmId();
	}

}
