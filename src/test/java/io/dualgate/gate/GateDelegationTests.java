package io.dualgate.gate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.dualgate.gate.checklist.Answer;
import io.dualgate.gate.checklist.Verdict;
import io.dualgate.gate.events.SignatureInvalidated;
import io.dualgate.people.ActiveDelegation;
import io.dualgate.people.Role;
import io.dualgate.people.SigningAuthority;
import io.dualgate.portfolio.EvidenceExpired;
import io.dualgate.shared.NotPermittedException;
import io.dualgate.shared.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.dualgate.gate.GateTests.DELIVERER;
import static io.dualgate.gate.GateTests.EXPLORER;
import static io.dualgate.gate.GateTests.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Delegation and evidence expiry as the aggregate decides them, without Spring: a running
 * delegate signs on behalf of the track's PM, never after the delegation's instant, and
 * nobody holds both tracks directly or on someone's behalf; expired evidence fails its
 * item and invalidates that track's signature only.
 */
class GateDelegationTests {

	/** Holds the Exploration PM role, as explorer does. */
	static final Actor STAND_IN = new Actor(5, "standin", "Sam Stand-In", Set.of(Role.EXPLORATION_PM));

	/** Holds both PM roles: could be tempted to take both tracks through delegations. */
	static final Actor BOTH_ROLES = new Actor(6, "both", "Bo Th", Set.of(Role.EXPLORATION_PM, Role.DELIVERY_PM));

	static final Instant FROM = T0.minus(Duration.ofDays(1));

	static final Instant UNTIL = T0.plus(Duration.ofDays(6));

	Gate gate;

	@BeforeEach
	void openGate() {
		this.gate = GateTests.newGate(77);
	}

	static ActiveDelegation delegation(long id, Actor from, Actor to, SigningAuthority authority) {
		return new ActiveDelegation(id, from.id(), from.fullName(), to.id(), to.fullName(), authority, FROM, UNTIL,
				null, "parental leave");
	}

	static TrackOwners owners(Instant at, ActiveDelegation... delegations) {
		return new TrackOwners(EXPLORER.id(), DELIVERER.id(), List.of(delegations), at);
	}

	void passTechnical(Actor by, TrackOwners owners) {
		this.gate.answer(Track.TECHNICAL, "availability_pct", Answer.value("99.97"), by, owners, T0, "FORM");
		this.gate.answer(Track.TECHNICAL, "fallback_plan", Answer.yes(true), by, owners, T0, "FORM");
	}

	void passCommercial(Actor by, TrackOwners owners) {
		this.gate.answer(Track.COMMERCIAL, "willingness_to_pay_usd", Answer.value("30000"), by, owners, T0, "FORM");
		this.gate.answer(Track.COMMERCIAL, "data_sovereignty",
				new Answer(null, null, "https://docs.example/dsa.pdf", LocalDate.of(2026, 5, 10)), by, owners, T0,
				"FORM");
	}

	Signature sign(Track track, Actor who, TrackOwners owners, Instant at) {
		return this.gate.sign(track, who, owners, Meaning.APPROVE, null, this.gate.contentHash(track), "text", at);
	}

	@Test
	void aRunningDelegateAnswersAndSignsOnBehalfOfThePm() {
		TrackOwners owners = owners(T0, delegation(9, EXPLORER, STAND_IN, SigningAuthority.TECHNICAL));
		assertThat(this.gate.maySign(Track.TECHNICAL, STAND_IN, owners)).isTrue();
		passTechnical(STAND_IN, owners);
		Signature signature = sign(Track.TECHNICAL, STAND_IN, owners, T0);
		SignatureView view = signature.toView(this.gate.contentHash(Track.TECHNICAL));
		assertThat(view.signerName()).isEqualTo("Sam Stand-In");
		assertThat(view.onBehalfOfId()).isEqualTo(EXPLORER.id());
		assertThat(view.onBehalfOfName()).isEqualTo("Lin Wei");
		assertThat(view.delegationId()).isEqualTo(9);
		assertThat(view.delegationReason()).isEqualTo("parental leave");
	}

	@Test
	void aDelegationStopsAtItsInstantWithoutAnyJob() {
		TrackOwners owners = owners(T0, delegation(9, EXPLORER, STAND_IN, SigningAuthority.TECHNICAL));
		passTechnical(STAND_IN, owners);
		TrackOwners afterwards = owners(UNTIL, delegation(9, EXPLORER, STAND_IN, SigningAuthority.TECHNICAL));
		assertThat(this.gate.maySign(Track.TECHNICAL, STAND_IN, afterwards)).isFalse();
		assertThat(this.gate.mayAnswer(Track.TECHNICAL, STAND_IN, afterwards)).isFalse();
		// A form loaded while it ran, submitted one millisecond after it ended.
		assertThatThrownBy(() -> sign(Track.TECHNICAL, STAND_IN, owners, UNTIL))
			.isInstanceOf(NotPermittedException.class);
		assertThatThrownBy(() -> sign(Track.TECHNICAL, STAND_IN, owners, FROM.minusMillis(1)))
			.isInstanceOf(NotPermittedException.class);
		assertThat(this.gate.getSignatures()).isEmpty();
		// The PM themselves still signs.
		sign(Track.TECHNICAL, EXPLORER, afterwards, UNTIL);
		assertThat(this.gate.validSignature(Track.TECHNICAL)).isPresent();
	}

	@Test
	void aDelegationOfOneTrackGivesNothingOnTheOther() {
		TrackOwners owners = owners(T0, delegation(9, DELIVERER, BOTH_ROLES, SigningAuthority.COMMERCIAL));
		assertThat(this.gate.mayAnswer(Track.COMMERCIAL, BOTH_ROLES, owners)).isTrue();
		assertThat(this.gate.mayAnswer(Track.TECHNICAL, BOTH_ROLES, owners)).isFalse();
		TrackOwners wrongTrack = owners(T0, delegation(9, DELIVERER, BOTH_ROLES, SigningAuthority.TECHNICAL));
		assertThat(this.gate.mayAnswer(Track.COMMERCIAL, BOTH_ROLES, wrongTrack)).isFalse();
	}

	@Test
	void theDelegateCannotAlsoSignTheOtherTrack() {
		// BOTH_ROLES holds explorer's technical track and deliverer's commercial track.
		TrackOwners owners = owners(T0, delegation(9, EXPLORER, BOTH_ROLES, SigningAuthority.TECHNICAL),
				delegation(10, DELIVERER, BOTH_ROLES, SigningAuthority.COMMERCIAL));
		passTechnical(BOTH_ROLES, owners);
		passCommercial(BOTH_ROLES, owners);
		sign(Track.TECHNICAL, BOTH_ROLES, owners, T0);
		assertThat(this.gate.maySign(Track.COMMERCIAL, BOTH_ROLES, owners)).isFalse();
		assertThatThrownBy(() -> sign(Track.COMMERCIAL, BOTH_ROLES, owners, T0))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("gate.sign.sameSigner");
		assertThat(this.gate.getStatus()).isEqualTo(GateStatus.OPEN);
	}

	@Test
	void thePrincipalCannotSignTheOtherTrackEither() {
		// The delivery PM's delegate signed commercial on their behalf; the delivery PM,
		// also holding the technical track through a delegation, may not sign it.
		Actor deliveryBoth = new Actor(DELIVERER.id(), "deliverer", "Maria Santos",
				Set.of(Role.DELIVERY_PM, Role.EXPLORATION_PM));
		Actor commercialStandIn = new Actor(8, "cstand", "Chris Stand-In", Set.of(Role.DELIVERY_PM));
		TrackOwners owners = owners(T0, delegation(11, DELIVERER, commercialStandIn, SigningAuthority.COMMERCIAL),
				delegation(12, EXPLORER, deliveryBoth, SigningAuthority.TECHNICAL));
		passCommercial(commercialStandIn, owners);
		passTechnical(deliveryBoth, owners);
		sign(Track.COMMERCIAL, commercialStandIn, owners, T0);
		assertThat(this.gate.maySign(Track.TECHNICAL, deliveryBoth, owners)).isFalse();
		assertThatThrownBy(() -> sign(Track.TECHNICAL, deliveryBoth, owners, T0))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("gate.sign.sameSigner");
	}

	@Test
	void expiryLeavesDecidedGatesAlone() {
		TrackOwners owners = owners(T0);
		passTechnical(EXPLORER, owners);
		passCommercial(DELIVERER, owners);
		sign(Track.TECHNICAL, EXPLORER, owners, T0);
		sign(Track.COMMERCIAL, DELIVERER, owners, T0);
		assertThat(this.gate.getStatus()).isEqualTo(GateStatus.APPROVED);
		assertThat(this.gate.expireLapsedEvidence(LocalDate.of(2026, 6, 1), T0)).isFalse();
		assertThat(this.gate.validSignature(Track.COMMERCIAL)).isPresent();
	}

	@Test
	void evidenceExpiresTheDayAfterItsLastValidDay() {
		TrackOwners owners = owners(T0);
		passTechnical(EXPLORER, owners);
		passCommercial(DELIVERER, owners);
		sign(Track.TECHNICAL, EXPLORER, owners, T0);
		int before = this.gate.pendingEvents().size();

		assertThat(this.gate.expireLapsedEvidence(LocalDate.of(2026, 5, 10), T0)).isFalse();
		assertThat(this.gate.item(Track.COMMERCIAL, "data_sovereignty").verdict()).isEqualTo(Verdict.PASS);

		assertThat(this.gate.expireLapsedEvidence(LocalDate.of(2026, 5, 11), T0)).isTrue();
		assertThat(this.gate.item(Track.COMMERCIAL, "data_sovereignty").verdict()).isEqualTo(Verdict.FAIL);
		// only the affected track: the technical signature stands
		assertThat(this.gate.validSignature(Track.TECHNICAL)).isPresent();
		List<Object> raised = List.copyOf(this.gate.pendingEvents()).subList(before, this.gate.pendingEvents().size());
		assertThat(raised).noneMatch(SignatureInvalidated.class::isInstance);
		assertThat(raised).hasAtLeastOneElementOfType(EvidenceExpired.class);
		assertThat(this.gate.failingBlockingItems(Track.COMMERCIAL)).containsExactly("data_sovereignty");
		// once only
		assertThat(this.gate.expireLapsedEvidence(LocalDate.of(2026, 5, 12), T0)).isFalse();
		// new evidence is judged afresh
		this.gate.answer(Track.COMMERCIAL, "data_sovereignty",
				new Answer(null, null, "https://docs.example/dsa-2027.pdf", LocalDate.of(2027, 5, 10)), DELIVERER,
				owners, T0, "FORM");
		assertThat(this.gate.item(Track.COMMERCIAL, "data_sovereignty").verdict()).isEqualTo(Verdict.PASS);
	}

	@Test
	void evidenceKeptElsewhereExpiresTheItemsCitingTheSameLink() {
		TrackOwners owners = owners(T0);
		passCommercial(DELIVERER, owners);
		sign(Track.COMMERCIAL, DELIVERER, owners, T0);
		assertThat(this.gate.expireEvidenceAt("https://other.example/x.pdf", LocalDate.of(2026, 5, 1), T0)).isFalse();
		assertThat(this.gate.expireEvidenceAt("https://docs.example/dsa.pdf", LocalDate.of(2026, 5, 1), T0)).isTrue();
		assertThat(this.gate.item(Track.COMMERCIAL, "data_sovereignty").verdict()).isEqualTo(Verdict.FAIL);
		assertThat(this.gate.validSignature(Track.COMMERCIAL)).isEmpty();
		assertThat(this.gate.pendingEvents()).filteredOn(SignatureInvalidated.class::isInstance)
			.singleElement()
			.extracting((e) -> ((SignatureInvalidated) e).reason())
			.isEqualTo("evidence expired on 2026-05-01: data_sovereignty");
	}

	@Test
	void aValidUntilDateAlreadyPastIsRefused() {
		assertThatThrownBy(() -> this.gate.answer(Track.COMMERCIAL, "data_sovereignty",
				new Answer(null, null, "https://docs.example/dsa.pdf", LocalDate.of(2026, 5, 3)), DELIVERER, owners(T0),
				T0, "FORM"))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("gate.answer.validUntil.past");
	}

}
