package io.dualgate.gate;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.dualgate.IntegrationTest;
import io.dualgate.audit.AuditTrail;
import io.dualgate.gate.checklist.Answer;
import io.dualgate.gate.checklist.Verdict;
import io.dualgate.metrics.ObservationRecorded;
import io.dualgate.people.Role;
import io.dualgate.shared.ConflictException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The dual-sign rules against the real database and through the browser forms.
 */
@IntegrationTest
class GateRulesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Gates gates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private MvcTestResult postSign(long id, Track track, String who, String hash, long version, String password) {
		return this.mvc.post()
			.uri("/gates/{id}/tracks/{t}/sign", id, track)
			.param("meaning", "APPROVE")
			.param("shownHash", hash)
			.param("version", String.valueOf(version))
			.param("password", password)
			.param("confirmed", "true")
			.with(user(this.fixtures.login(who)))
			.with(csrf())
			.exchange();
	}

	private MvcTestResult postSign(long id, Track track, String who) {
		GateView gate = this.gates.get(id);
		return postSign(id, track, who, gate.track(track).contentHash(), gate.version(), GateFixtures.PASSWORD);
	}

	@Test
	void aPersonHoldingBothRolesCannotSignBothTracks() {
		String both = this.fixtures.person("both", Role.EXPLORATION_PM, Role.DELIVERY_PM);
		// Assigned to both tracks (the portfolio now refuses that; older data may hold
		// it).
		long id = this.fixtures.open(this.fixtures.prototype(both, both), both).id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, both);
		this.fixtures.answerPassing(id, Track.COMMERCIAL, both);
		assertThat(postSign(id, Track.TECHNICAL, both)).hasStatus3xxRedirection();

		MvcTestResult second = postSign(id, Track.COMMERCIAL, both);
		assertThat(second).hasStatusOk().bodyText().contains("You signed the other track of this gate");
		assertThat(this.fixtures.validSignatures(id, Track.COMMERCIAL)).isZero();
		assertThat(this.gates.get(id).status()).isEqualTo(GateStatus.OPEN);

		// The database refuses it too, whatever the Java code does.
		GateView gate = this.gates.get(id);
		assertThatThrownBy(() -> this.jdbc.sql("""
				insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text,
				    template_id, template_version, content_hash)
				values (?, 'COMMERCIAL', ?, 'x', now(), 'APPROVE', 'x', ?, 1, ?)""")
			.params(id, this.fixtures.userId(both), gate.commercial().templateId(), gate.commercial().contentHash())
			.update()).hasMessageContaining("separation of duties");
	}

	@Test
	void aFailingBlockingItemBlocksApproval() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		this.gates.answer(id, Track.TECHNICAL, "availability_pct", Answer.value("99.90"), null,
				this.fixtures.userId("explorer"), "FORM");
		assertThat(this.gates.get(id).technical().failingBlockingItems()).containsExactly("availability_pct");

		MvcTestResult result = postSign(id, Track.TECHNICAL, "explorer");
		assertThat(result).hasStatusOk().bodyText().contains("Blocking items do not pass yet: availability_pct");
		assertThat(this.fixtures.validSignatures(id, Track.TECHNICAL)).isZero();
		assertThat(this.mvc.get().uri("/gates/{id}", id).with(user(this.fixtures.login("explorer")))).bodyText()
			.contains("FAIL", "Cannot be approved yet");
	}

	@Test
	void wrongPasswordsAreRefusedAndLockTheAccount() {
		String signer = this.fixtures.person("locky", Role.EXPLORATION_PM);
		long id = this.fixtures.open(this.fixtures.prototype(signer, "deliverer"), signer).id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, signer);
		GateView gate = this.gates.get(id);
		String hash = gate.technical().contentHash();

		MvcTestResult wrong = postSign(id, Track.TECHNICAL, signer, hash, gate.version(), "not-the-password");
		assertThat(wrong).hasStatusOk().bodyText().contains("The password is wrong").doesNotContain("not-the-password");
		assertThat(failedAttempts(signer)).isEqualTo(1);
		for (int i = 0; i < 3; i++) {
			postSign(id, Track.TECHNICAL, signer, hash, gate.version(), "still-wrong-password");
		}
		MvcTestResult fifth = postSign(id, Track.TECHNICAL, signer, hash, gate.version(), "wrong-again-password");
		assertThat(fifth).bodyText().contains("Your account is locked");
		// Even the right password is refused while locked.
		assertThat(postSign(id, Track.TECHNICAL, signer, hash, gate.version(), GateFixtures.PASSWORD)).bodyText()
			.contains("Your account is locked");
		assertThat(this.fixtures.validSignatures(id, Track.TECHNICAL)).isZero();
	}

	@Test
	void aSignatureOverAnswersThatChangedMeanwhileIsRefused() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		GateView shown = this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		// Someone changes an answer (still passing) after the form was shown.
		this.gates.answer(id, Track.TECHNICAL, "rag_latency_p95_ms", Answer.value("250"), null,
				this.fixtures.userId("explorer"), "FORM");
		GateView now = this.gates.get(id);
		MvcTestResult result = postSign(id, Track.TECHNICAL, "explorer", shown.technical().contentHash(), now.version(),
				GateFixtures.PASSWORD);
		assertThat(result).hasStatusOk().bodyText().contains("The answers changed after you opened this form");
		assertThat(this.fixtures.validSignatures(id, Track.TECHNICAL)).isZero();
	}

	@Test
	void aStaleFormGetsTheConflictPage() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		GateView shown = this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		this.gates.answer(id, Track.COMMERCIAL, "pricing_model", Answer.yes(true), null,
				this.fixtures.userId("deliverer"), "FORM");
		assertThat(postSign(id, Track.TECHNICAL, "explorer", shown.technical().contentHash(), shown.version(),
				GateFixtures.PASSWORD))
			.hasStatus(409)
			.bodyText()
			.contains("Someone else changed this");
		// An answer form showing an old revision of the item is stale too.
		assertThat(this.mvc.post()
			.uri("/gates/{id}/tracks/TECHNICAL/items/fallback_plan", id)
			.param("yes", "false")
			.param("revision", "0")
			.with(user(this.fixtures.login("explorer")))
			.with(csrf())).hasStatus(409);
	}

	@Test
	void editingAnAnswerAfterSigningInvalidatesOnlyThatTrack() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		this.fixtures.answerPassing(id, Track.COMMERCIAL, "deliverer");
		this.fixtures.sign(id, Track.COMMERCIAL, "deliverer", Meaning.APPROVE, null);
		GateView afterBoth = this.fixtures.sign(id, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		assertThat(afterBoth.status()).isEqualTo(GateStatus.APPROVED);

		// A decided gate cannot be changed.
		assertThatThrownBy(() -> this.gates.answer(id, Track.TECHNICAL, "fallback_plan", Answer.yes(false), null,
				this.fixtures.userId("explorer"), "FORM"))
			.isInstanceOf(ConflictException.class);

		long open = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(open, Track.TECHNICAL, "explorer");
		this.fixtures.answerPassing(open, Track.COMMERCIAL, "deliverer");
		this.fixtures.sign(open, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		// Saving the same answer again (as read back from the database) changes nothing
		// signed.
		ItemView availability = this.gates.get(open).technical().items().get(0);
		this.gates.answer(open, Track.TECHNICAL, availability.code(),
				new Answer(null, availability.answerValue(), availability.evidenceUrl()), null,
				this.fixtures.userId("explorer"), "FORM");
		assertThat(this.fixtures.validSignatures(open, Track.TECHNICAL)).isOne();
		this.gates.answer(open, Track.TECHNICAL, "rag_latency_p95_ms", Answer.value("120"), null,
				this.fixtures.userId("explorer"), "FORM");
		GateView view = this.gates.get(open);
		assertThat(view.technical().signed()).isFalse();
		assertThat(view.technical().signatures()).singleElement().satisfies((s) -> {
			assertThat(s.valid()).isFalse();
			assertThat(s.invalidatedBy()).isEqualTo("explorer");
			assertThat(s.invalidationReason()).contains("rag_latency_p95_ms");
			assertThat(s.invalidatedAt()).isNotNull();
		});
		assertThat(view.status()).isEqualTo(GateStatus.OPEN);
		assertThat(this.mvc.get().uri("/gates/{id}", open).with(user(this.fixtures.login("deliverer")))).bodyText()
			.contains("Invalidated", "answer changed: rag_latency_p95_ms");
		assertThat(this.auditTrail.forEntity("gate", String.valueOf(open)))
			.anySatisfy((e) -> assertThat(e.action()).isEqualTo("GATE_SIGNATURE_INVALIDATED"));

		// Signing the commercial track now does not approve the gate: technical lost its
		// signature.
		this.fixtures.sign(open, Track.COMMERCIAL, "deliverer", Meaning.APPROVE, null);
		assertThat(this.gates.get(open).status()).isEqualTo(GateStatus.OPEN);
		assertThat(this.fixtures.validSignatures(open, Track.COMMERCIAL)).isOne();
	}

	@Test
	void aRejectionClosesTheGateAndANewOneCanBeOpened() {
		String key = this.fixtures.prototype();
		long id = this.fixtures.open(key, "explorer").id();
		GateView rejected = this.fixtures.sign(id, Track.COMMERCIAL, "deliverer", Meaning.REJECT,
				"no budget this year");
		assertThat(rejected.status()).isEqualTo(GateStatus.REJECTED);
		assertThat(rejected.decisionReason()).contains("no budget this year");
		assertThat(this.fixtures.stageOf(key)).isEqualTo("PROTOTYPE");
		assertThat(this.fixtures.open(key, "deliverer").status()).isEqualTo(GateStatus.OPEN);
	}

	@Test
	void onePrototypeHasAtMostOneOpenGateEvenInTheDatabase() {
		String key = this.fixtures.prototype();
		GateView gate = this.fixtures.open(key, "explorer");
		assertThatThrownBy(() -> this.fixtures.open(key, "deliverer")).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.jdbc.sql("""
				insert into gate (prototype_id, from_stage, to_stage, status, technical_template_id,
				    technical_template_version, commercial_template_id, commercial_template_version, opened_at,
				    sla_hours, last_changed_at)
				select prototype_id, from_stage, to_stage, 'OPEN', technical_template_id, technical_template_version,
				    commercial_template_id, commercial_template_version, now(), 48, now() from gate where id = ?""")
			.param(gate.id())
			.update()).hasMessageContaining("gate_one_open_per_prototype");
	}

	@Test
	void newMetricEvidenceInvalidatesTheSignatureOfTheBoundTrack() {
		String key = this.fixtures.prototype();
		long id = this.fixtures.open(key, "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		this.fixtures.answerPassing(id, Track.COMMERCIAL, "deliverer");
		this.fixtures.sign(id, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		long prototypeId = this.gates.get(id).prototypeId();

		// Still passing: nothing is invalidated.
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new ObservationRecorded(prototypeId,
				"availability_pct", LocalDate.of(2026, 11, 1), new BigDecimal("99.99"), "API")));
		assertThat(this.fixtures.validSignatures(id, Track.TECHNICAL)).isOne();

		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new ObservationRecorded(prototypeId,
				"availability_pct", LocalDate.of(2026, 11, 2), new BigDecimal("99.2"), "CSV")));
		GateView gate = this.gates.get(id);
		assertThat(gate.technical().signed()).isFalse();
		assertThat(gate.technical().signatures().get(0).invalidationReason())
			.isEqualTo("new evidence: availability_pct = 99.2 on 2026-11-02");
		ItemView item = gate.technical()
			.items()
			.stream()
			.filter((i) -> i.code().equals("availability_pct"))
			.findFirst()
			.orElseThrow();
		assertThat(item.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(item.evidenceDate()).isEqualTo(LocalDate.of(2026, 11, 2));
		assertThat(item.source()).isEqualTo("metric:CSV");
		assertThat(this.auditTrail.forEntity("gate", String.valueOf(id)))
			.anySatisfy((e) -> assertThat(e.reason()).isEqualTo("new evidence: availability_pct = 99.2 on 2026-11-02"));
	}

	private int failedAttempts(String username) {
		return this.jdbc.sql("select failed_attempts from app_user where username = ?")
			.param(username)
			.query(Integer.class)
			.single();
	}

}
