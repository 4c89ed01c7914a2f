package io.dualgate.notifications;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dualgate.gate.Track;
import io.dualgate.people.ActiveDelegation;
import io.dualgate.people.Delegations;
import io.dualgate.people.People;
import io.dualgate.people.Person;
import io.dualgate.people.Role;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.stereotype.Component;

/**
 * Who is told what: a track's signers are its PM and whoever holds that PM's signing now;
 * an escalation goes to the signer's manager, or to the admins where there is none.
 */
@Component
class Recipients {

	private final People people;

	private final Delegations delegations;

	private final Clock clock;

	Recipients(People people, Delegations delegations, Clock clock) {
		this.people = people;
		this.delegations = delegations;
		this.clock = clock;
	}

	static long ownerOf(PrototypeView prototype, Track track) {
		return (track == Track.TECHNICAL) ? prototype.explorationPmId() : prototype.deliveryPmId();
	}

	/** The track's PM and their running delegates for it. */
	Set<Long> signersOf(PrototypeView prototype, Track track) {
		long owner = ownerOf(prototype, track);
		Set<Long> ids = new LinkedHashSet<>();
		ids.add(owner);
		for (ActiveDelegation delegation : this.delegations.runningOf(List.of(owner), this.clock.instant())) {
			if (delegation.authority().name().equals(track.name())) {
				ids.add(delegation.delegateId());
			}
		}
		return ids;
	}

	Set<Long> pmsOf(PrototypeView prototype) {
		return new LinkedHashSet<>(List.of(prototype.explorationPmId(), prototype.deliveryPmId()));
	}

	/** Whom an escalation about this person goes to: their manager, else every admin. */
	Set<Long> escalationFor(long personId) {
		Person person = this.people.findById(personId).orElse(null);
		if (person != null && person.managerId() != null) {
			Person manager = this.people.findById(person.managerId()).orElse(null);
			if (manager != null && manager.active()) {
				return Set.of(manager.id());
			}
		}
		Set<Long> admins = new LinkedHashSet<>();
		this.people.activeWithRole(Role.ADMIN).forEach((admin) -> admins.add(admin.id()));
		return admins;
	}

	String nameOf(long personId) {
		return this.people.findById(personId).map(Person::fullName).orElse("#" + personId);
	}

}
