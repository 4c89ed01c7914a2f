package io.dualgate.gate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.dualgate.gate.checklist.Answer;
import io.dualgate.gate.checklist.Comparison;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.gate.checklist.Verdict;
import io.dualgate.gate.events.GateApproved;
import io.dualgate.gate.events.SignatureInvalidated;
import io.dualgate.gate.template.ChecklistTemplate;
import io.dualgate.people.Role;
import io.dualgate.portfolio.Stage;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.NotPermittedException;
import io.dualgate.shared.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of the dual-sign gate, without Spring or a database.
 */
class GateTests {

	static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

	static final Actor EXPLORER = new Actor(1, "explorer", "Lin Wei", Set.of(Role.EXPLORATION_PM));

	static final Actor DELIVERER = new Actor(2, "deliverer", "Maria Santos", Set.of(Role.DELIVERY_PM));

	static final Actor BOTH = new Actor(3, "both", "Bo Th", Set.of(Role.EXPLORATION_PM, Role.DELIVERY_PM));

	static final Actor EXECUTIVE = new Actor(4, "executive", "Grace Okafor", Set.of(Role.EXECUTIVE));

	/**
	 * The prototype's PMs: explorer and deliverer, or (for the four-eyes test) one person
	 * assigned to both.
	 */
	static TrackOwners owners(Actor actor) {
		return (actor == BOTH) ? new TrackOwners(BOTH.id(), BOTH.id()) : new TrackOwners(EXPLORER.id(), DELIVERER.id());
	}

	Gate gate;

	@BeforeEach
	void openGate() {
		this.gate = newGate(42);
	}

	static Gate newGate(long id) {
		ChecklistTemplate technical = template(Track.TECHNICAL, 10L,
				List.of(ItemSpec.measure("availability_pct", "Availability", "%", Comparison.AT_LEAST, "99.95", true,
						"availability_pct"), ItemSpec.attestation("fallback_plan", "Fallback", true),
						ItemSpec.attestation("nice_to_have", "Advisory", false)));
		ChecklistTemplate commercial = template(Track.COMMERCIAL, 11L, List.of(
				ItemSpec.measure("willingness_to_pay_usd", "WTP", "USD/year", Comparison.AT_LEAST, "25000", true, null),
				ItemSpec.link("data_sovereignty", "Agreement", true)));
		Gate gate = Gate.open(7, Stage.PROTOTYPE, technical, commercial, java.time.Duration.ofHours(48), 1L, T0);
		gate.assignIdForTest(id);
		return gate;
	}

	static ChecklistTemplate template(Track track, long id, List<ItemSpec> items) {
		ChecklistTemplate template = new ChecklistTemplate(Stage.PROTOTYPE, track, 1, "t", items, T0, null, null);
		ReflectionTestUtils.setField(template, "id", id);
		return template;
	}

	static void passTechnical(Gate gate, Actor by) {
		gate.answer(Track.TECHNICAL, "availability_pct", Answer.value("99.97"), by, owners(by), T0, "FORM");
		gate.answer(Track.TECHNICAL, "fallback_plan", Answer.yes(true), by, owners(by), T0, "FORM");
	}

	static void passCommercial(Gate gate, Actor by) {
		gate.answer(Track.COMMERCIAL, "willingness_to_pay_usd", Answer.value("30000"), by, owners(by), T0, "FORM");
		gate.answer(Track.COMMERCIAL, "data_sovereignty", Answer.link("https://docs.example/dsa.pdf"), by, owners(by),
				T0, "FORM");
	}

	Signature sign(Track track, Actor who, Meaning meaning) {
		return this.gate.sign(track, who, owners(who), meaning, (meaning == Meaning.REJECT) ? "not ready" : null,
				this.gate.contentHash(track), "text", T0.plusSeconds(60));
	}

	@Test
	void approvesWhenBothTracksHoldValidApprovalsByTwoPeople() {
		passTechnical(this.gate, EXPLORER);
		passCommercial(this.gate, DELIVERER);
		sign(Track.TECHNICAL, EXPLORER, Meaning.APPROVE);
		assertThat(this.gate.getStatus()).isEqualTo(GateStatus.OPEN);
		sign(Track.COMMERCIAL, DELIVERER, Meaning.APPROVE);
		assertThat(this.gate.getStatus()).isEqualTo(GateStatus.APPROVED);
		assertThat(this.gate.getDecidedAt()).isNotNull();
		assertThat(this.gate.pendingEvents()).hasAtLeastOneElementOfType(GateApproved.class);
	}

	@Test
	void rejectsApprovalWhileABlockingItemFails() {
		this.gate.answer(Track.TECHNICAL, "availability_pct", Answer.value("99.90"), EXPLORER, owners(EXPLORER), T0,
				"FORM");
		this.gate.answer(Track.TECHNICAL, "fallback_plan", Answer.yes(true), EXPLORER, owners(EXPLORER), T0, "FORM");
		assertThatThrownBy(() -> sign(Track.TECHNICAL, EXPLORER, Meaning.APPROVE))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("gate.sign.blockingFails");
		assertThat(this.gate.getSignatures()).isEmpty();
	}

	@Test
	void advisoryItemsDoNotBlockApproval() {
		passTechnical(this.gate, EXPLORER);
		this.gate.answer(Track.TECHNICAL, "nice_to_have", Answer.yes(false), EXPLORER, owners(EXPLORER), T0, "FORM");
		sign(Track.TECHNICAL, EXPLORER, Meaning.APPROVE);
		assertThat(this.gate.validSignature(Track.TECHNICAL)).isPresent();
	}

	@Test
	void rejectsSignatureOfTheOtherTrackBySamePersonEvenWithBothRoles() {
		passTechnical(this.gate, BOTH);
		passCommercial(this.gate, BOTH);
		sign(Track.TECHNICAL, BOTH, Meaning.APPROVE);
		assertThatThrownBy(() -> sign(Track.COMMERCIAL, BOTH, Meaning.APPROVE))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("gate.sign.sameSigner");
		assertThat(this.gate.getStatus()).isEqualTo(GateStatus.OPEN);
	}

	@Test
	void onlyTheTracksOwnerAnswersAndSigns() {
		passCommercial(this.gate, DELIVERER);
		TrackOwners owners = owners(DELIVERER);
		assertThatThrownBy(() -> this.gate.sign(Track.COMMERCIAL, EXPLORER, owners, Meaning.APPROVE, null,
				this.gate.contentHash(Track.COMMERCIAL), "text", T0))
			.isInstanceOf(NotPermittedException.class)
			.hasMessage("gate.track.notYours.COMMERCIAL");
		assertThatThrownBy(() -> this.gate.answer(Track.TECHNICAL, "fallback_plan", Answer.yes(true), EXECUTIVE, owners,
				T0, "FORM"))
			.isInstanceOf(NotPermittedException.class);
		assertThat(this.gate.mayAnswer(Track.COMMERCIAL, DELIVERER, owners)).isTrue();
		assertThat(this.gate.mayAnswer(Track.COMMERCIAL, EXPLORER, owners)).isFalse();
		assertThat(this.gate.mayAnswer(Track.TECHNICAL, EXECUTIVE, owners)).isFalse();
	}

	@Test
	void aStrangerWithTheSameRoleNeitherAnswersNorSigns() {
		Actor stranger = new Actor(9, "labexplorer", "Kenji Tanaka", Set.of(Role.EXPLORATION_PM));
		TrackOwners owners = owners(EXPLORER);
		assertThat(this.gate.mayAnswer(Track.TECHNICAL, stranger, owners)).isFalse();
		assertThat(this.gate.maySign(Track.TECHNICAL, stranger, owners)).isFalse();
		assertThatThrownBy(() -> this.gate.answer(Track.TECHNICAL, "fallback_plan", Answer.yes(true), stranger, owners,
				T0, "FORM"))
			.isInstanceOf(NotPermittedException.class)
			.hasMessage("gate.track.notYours.TECHNICAL");
		passTechnical(this.gate, EXPLORER);
		assertThatThrownBy(() -> this.gate.sign(Track.TECHNICAL, stranger, owners, Meaning.APPROVE, null,
				this.gate.contentHash(Track.TECHNICAL), "text", T0))
			.isInstanceOf(NotPermittedException.class);
		assertThat(this.gate.getSignatures()).isEmpty();
		assertThat(this.gate.item(Track.TECHNICAL, "fallback_plan").getAnsweredBy()).isEqualTo(EXPLORER.id());
	}

	@Test
	void aReassignedTrackWaitsForTheNewPmAndKeepsTheOldSignature() {
		passTechnical(this.gate, EXPLORER);
		sign(Track.TECHNICAL, EXPLORER, Meaning.APPROVE);
		Actor newPm = new Actor(8, "newpm", "New PM", Set.of(Role.EXPLORATION_PM));
		TrackOwners reassigned = new TrackOwners(newPm.id(), DELIVERER.id());
		assertThat(this.gate.validSignature(Track.TECHNICAL)).isPresent();
		assertThat(this.gate.mayAnswer(Track.TECHNICAL, EXPLORER, reassigned)).isFalse();
		assertThat(this.gate.mayAnswer(Track.TECHNICAL, newPm, reassigned)).isTrue();
		// Already signed: the new PM may answer (which would invalidate) but not sign
		// twice.
		assertThat(this.gate.maySign(Track.TECHNICAL, newPm, reassigned)).isFalse();
	}

	@Test
	void maySignIsFalseOnceThePersonSignedTheOtherTrack() {
		TrackOwners both = owners(BOTH);
		passTechnical(this.gate, BOTH);
		assertThat(this.gate.maySign(Track.COMMERCIAL, BOTH, both)).isTrue();
		sign(Track.TECHNICAL, BOTH, Meaning.APPROVE);
		assertThat(this.gate.maySign(Track.COMMERCIAL, BOTH, both)).isFalse();
		assertThat(this.gate.maySign(Track.TECHNICAL, BOTH, both)).isFalse();
	}

	@Test
	void changingAnAnswerInvalidatesOnlyThatTracksSignature() {
		passTechnical(this.gate, EXPLORER);
		passCommercial(this.gate, DELIVERER);
		this.gate.answer(Track.COMMERCIAL, "willingness_to_pay_usd", Answer.value("40000"), DELIVERER,
				owners(DELIVERER), T0, "FORM");
		sign(Track.TECHNICAL, EXPLORER, Meaning.APPROVE);
		this.gate.answer(Track.COMMERCIAL, "willingness_to_pay_usd", Answer.value("41000"), DELIVERER,
				owners(DELIVERER), T0, "FORM");
		assertThat(this.gate.validSignature(Track.TECHNICAL)).isPresent();

		this.gate.answer(Track.TECHNICAL, "availability_pct", Answer.value("99.99"), EXPLORER, owners(EXPLORER),
				T0.plusSeconds(120), "FORM");
		assertThat(this.gate.validSignature(Track.TECHNICAL)).isEmpty();
		Signature invalidated = this.gate.getSignatures().get(0);
		assertThat(invalidated.isValid()).isFalse();
		assertThat(invalidated.toView("x").invalidationReason()).contains("availability_pct");
		assertThat(invalidated.toView("x").invalidatedBy()).isEqualTo("explorer");
		assertThat(this.gate.getStatus()).isEqualTo(GateStatus.OPEN);
		assertThat(this.gate.pendingEvents()).hasAtLeastOneElementOfType(SignatureInvalidated.class);
	}

	@Test
	void sameAnswerAgainKeepsTheSignature() {
		passTechnical(this.gate, EXPLORER);
		sign(Track.TECHNICAL, EXPLORER, Meaning.APPROVE);
		this.gate.answer(Track.TECHNICAL, "availability_pct", Answer.value("99.970"), EXPLORER, owners(EXPLORER), T0,
				"FORM");
		assertThat(this.gate.validSignature(Track.TECHNICAL)).isPresent();
	}

	@Test
	void refusesASignatureOverAnswersTheSignerDidNotSee() {
		passTechnical(this.gate, EXPLORER);
		String shown = this.gate.contentHash(Track.TECHNICAL);
		this.gate.answer(Track.TECHNICAL, "availability_pct", Answer.value("99.96"), EXPLORER, owners(EXPLORER), T0,
				"FORM");
		assertThatThrownBy(() -> this.gate.sign(Track.TECHNICAL, EXPLORER, owners(EXPLORER), Meaning.APPROVE, null,
				shown, "text", T0))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("gate.sign.contentChanged");
	}

	@Test
	void refusesASecondValidSignatureOnATrack() {
		passTechnical(this.gate, EXPLORER);
		sign(Track.TECHNICAL, EXPLORER, Meaning.APPROVE);
		assertThatThrownBy(() -> sign(Track.TECHNICAL, EXPLORER, Meaning.APPROVE)).isInstanceOf(ConflictException.class)
			.hasMessage("gate.sign.alreadySigned");
		assertThat(this.gate.getSignatures()).hasSize(1);
	}

	@Test
	void aRejectionClosesTheGateWithItsReason() {
		sign(Track.COMMERCIAL, DELIVERER, Meaning.REJECT);
		assertThat(this.gate.getStatus()).isEqualTo(GateStatus.REJECTED);
		assertThat(this.gate.getDecisionReason()).contains("not ready");
		assertThatThrownBy(() -> this.gate.answer(Track.TECHNICAL, "fallback_plan", Answer.yes(true), EXPLORER,
				owners(EXPLORER), T0, "FORM"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aRejectionNeedsAReason() {
		assertThatThrownBy(() -> this.gate.sign(Track.COMMERCIAL, DELIVERER, owners(DELIVERER), Meaning.REJECT, " ",
				this.gate.contentHash(Track.COMMERCIAL), "text", T0))
			.hasMessage("gate.sign.reasonRequired");
	}

	@Test
	void newMetricEvidenceInvalidatesOnlyWhenTheVerdictChanges() {
		passTechnical(this.gate, EXPLORER);
		passCommercial(this.gate, DELIVERER);
		sign(Track.TECHNICAL, EXPLORER, Meaning.APPROVE);

		// Still passing: the signature stands and the signed value is kept.
		this.gate.applyEvidence("availability_pct", new BigDecimal("99.98"), LocalDate.of(2026, 5, 5), "API", T0);
		assertThat(this.gate.validSignature(Track.TECHNICAL)).isPresent();

		// Now failing: the technical signature goes, with the evidence as the reason.
		this.gate.applyEvidence("availability_pct", new BigDecimal("99.1"), LocalDate.of(2026, 5, 6), "API", T0);
		assertThat(this.gate.validSignature(Track.TECHNICAL)).isEmpty();
		assertThat(this.gate.getSignatures().get(0).toView("").invalidationReason())
			.isEqualTo("new evidence: availability_pct = 99.1 on 2026-05-06");
		assertThat(this.gate.item(Track.TECHNICAL, "availability_pct").verdict()).isEqualTo(Verdict.FAIL);
		assertThat(this.gate.item(Track.TECHNICAL, "availability_pct").getEvidenceDate())
			.isEqualTo(LocalDate.of(2026, 5, 6));
	}

	@Test
	void evidenceForAnUnboundMetricChangesNothing() {
		assertThat(this.gate.applyEvidence("nps", BigDecimal.TEN, LocalDate.of(2026, 5, 5), "API", T0)).isFalse();
	}

	@Test
	void canonicalHashIsStableAndBoundToGateAndTrack() {
		passTechnical(this.gate, EXPLORER);
		String first = this.gate.contentHash(Track.TECHNICAL);
		assertThat(first).matches("[0-9a-f]{64}").isEqualTo(this.gate.contentHash(Track.TECHNICAL));
		// Same answers written differently hash the same.
		this.gate.answer(Track.TECHNICAL, "availability_pct", Answer.value("99.9700"), EXPLORER, owners(EXPLORER), T0,
				"FORM");
		assertThat(this.gate.contentHash(Track.TECHNICAL)).isEqualTo(first);
		// The same answers on another gate do not.
		Gate other = newGate(43);
		passTechnical(other, EXPLORER);
		assertThat(other.contentHash(Track.TECHNICAL)).isNotEqualTo(first);
		assertThat(this.gate.contentHash(Track.COMMERCIAL)).isNotEqualTo(first);
		// A known serialisation gives a known digest (guards against accidental format
		// changes).
		assertThat(CanonicalAnswers.sha256("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		// Version 1, the form of every signature given before items had two languages,
		// stays exactly as it was, so those signatures keep verifying.
		assertThat(CanonicalAnswers.serialise(1, 42, Track.TECHNICAL, 10, 1, this.gate.getItems()))
			.startsWith("dualgate-track-v1\ngate=42\ntrack=TECHNICAL\ntemplate=10@1\n")
			.contains("item=16:availability_pct|MEASURE|10:>= 99.95 %|blocking||99.97|0:\n");
		// Version 2 (new signatures) also covers the texts in both languages, the help
		// and the references.
		assertThat(CanonicalAnswers.serialise(42, Track.TECHNICAL, 10, 1, this.gate.getItems()))
			.startsWith("dualgate-track-v2\ngate=42\ntrack=TECHNICAL\ntemplate=10@1\n")
			.contains("item=16:availability_pct|MEASURE|10:>= 99.95 %|blocking||99.97|0:|text=12:Availability0:"
					+ "|help=0:0:|refs=0:\n");
	}

}
