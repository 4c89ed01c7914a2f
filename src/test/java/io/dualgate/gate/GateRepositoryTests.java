package io.dualgate.gate;

import java.time.LocalDate;

import javax.sql.DataSource;

import io.dualgate.RepositoryTest;
import io.dualgate.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's rules that PostgreSQL keeps whatever the Java code does (TRUST 13, 15): one
 * open gate per prototype, one valid signature per track, one person never on both
 * tracks, signatures flagged but never edited or deleted; and the queries the expiry job
 * and the lists rely on.
 */
@RepositoryTest
class GateRepositoryTests {

	@Autowired
	GateRepository gates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Rows rows;

	long explorer;

	long deliverer;

	long prototype;

	@BeforeEach
	void aPrototype() {
		this.rows = new Rows(this.jdbc, this.dataSource);
		this.explorer = this.rows.person(Rows.unique("exp"), "EXPLORATION_PM");
		this.deliverer = this.rows.person(Rows.unique("del"), "DELIVERY_PM");
		this.prototype = this.rows.prototype(Rows.unique("GATED-"), "Gated", "v", this.explorer, this.deliverer);
	}

	@Test
	void thereIsAtMostOneOpenGatePerPrototype() {
		this.rows.gate(this.prototype, "REJECTED");
		long open = this.rows.gate(this.prototype, "OPEN");
		assertThatSecondOpenGateIsRefused();
		assertThat(this.gates.findByPrototypeIdAndStatusAndKind(this.prototype, GateStatus.OPEN, GateKind.STAGE)).get()
			.extracting(Gate::getId)
			.isEqualTo(open);
		assertThat(this.gates.findByPrototypeIdOrderByOpenedAtDesc(this.prototype)).hasSize(2);
	}

	private void assertThatSecondOpenGateIsRefused() {
		this.rows.refuses("""
				insert into gate (prototype_id, from_stage, to_stage, status, technical_template_id,
				    technical_template_version, commercial_template_id, commercial_template_version, opened_at,
				    sla_hours, last_changed_at)
				select prototype_id, from_stage, to_stage, 'OPEN', technical_template_id, technical_template_version,
				    commercial_template_id, commercial_template_version, now(), 48, now()
				from gate where prototype_id = ? limit 1""", this.prototype)
			.hasMessageContaining("gate_one_open_per_prototype");
	}

	@Test
	void aTransitionIsApprovedAtMostOnce() {
		this.rows.gate(this.prototype, "APPROVED");
		this.rows.gate(this.prototype, "OPEN");
		this.rows.refuses(
				"update gate set status = 'APPROVED', decided_at = now() where prototype_id = ? and status = 'OPEN'",
				this.prototype)
			.hasMessageContaining("gate_one_approval_per_transition");
	}

	@Test
	void aTrackHoldsOneValidSignatureAndAnInvalidatedOneMakesRoomForTheNext() {
		long gate = this.rows.gate(this.prototype, "OPEN");
		long colleague = this.rows.person(Rows.unique("colleague"), "EXPLORATION_PM");
		long first = this.rows.signature(gate, "TECHNICAL", this.explorer);
		this.rows.refuses("""
				insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text,
				    template_id, template_version, content_hash)
				select gate_id, track, ?, 'Colleague', now(), 'APPROVE', 'Approved', template_id, 1, content_hash
				from gate_signature where id = ?""", colleague, first).hasMessageContaining("gate_signature_one_valid");

		this.rows.update("""
				update gate_signature set valid = false, invalidated_at = now(), invalidated_by = 'explorer',
				    invalidation_reason = 'answer changed' where id = ?""", first);
		this.rows.signature(gate, "TECHNICAL", colleague);
		assertThat(this.jdbc.sql("select count(*) from gate_signature where gate_id = ? and valid")
			.param(gate)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void onePersonNeverSignsBothTracksOfAGate() {
		long both = this.rows.person(Rows.unique("both"), "EXPLORATION_PM", "DELIVERY_PM");
		long gate = this.rows.gate(this.prototype, "OPEN");
		this.rows.signature(gate, "TECHNICAL", both);
		this.rows.refuses("""
				insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text,
				    template_id, template_version, content_hash)
				select gate_id, 'COMMERCIAL', signer_id, 'Both', now(), 'APPROVE', 'Approved', template_id, 1,
				    content_hash from gate_signature where gate_id = ?""", gate)
			.hasMessageContaining("separation of duties");
	}

	/**
	 * The separation-of-duties trigger locks per gate: it once cast the gate id to int,
	 * so any signature on a gate past id 2^31 failed with "integer out of range" (issue
	 * 12, item 3).
	 */
	@Test
	void aGateIdBeyondTwoToThe31IsSignedAndStillGuarded() {
		long gate = this.jdbc.sql("""
				insert into gate (id, prototype_id, from_stage, to_stage, status, technical_template_id,
				    technical_template_version, commercial_template_id, commercial_template_version, opened_at,
				    sla_hours, last_changed_at)
				overriding system value
				values (3000000000, ?, 'PROTOTYPE', 'POC', 'OPEN', ?, 1, ?, 1, now(), 48, now()) returning id""")
			.params(this.prototype, this.rows.template("TECHNICAL"), this.rows.template("COMMERCIAL"))
			.query(Long.class)
			.single();
		long both = this.rows.person(Rows.unique("both"), "EXPLORATION_PM", "DELIVERY_PM");
		this.rows.signature(gate, "TECHNICAL", both);
		assertThat(this.jdbc.sql("select count(*) from gate_signature where gate_id = ? and valid")
			.param(gate)
			.query(Long.class)
			.single()).isOne();
		this.rows.refuses("""
				insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text,
				    template_id, template_version, content_hash)
				select gate_id, 'COMMERCIAL', signer_id, 'Both', now(), 'APPROVE', 'Approved', template_id, 1,
				    content_hash from gate_signature where gate_id = ?""", gate)
			.hasMessageContaining("separation of duties");
	}

	@Test
	void aSignatureIsFlaggedInvalidButNeverEditedOrDeleted() {
		long gate = this.rows.gate(this.prototype, "OPEN");
		long signature = this.rows.signature(gate, "TECHNICAL", this.explorer);
		this.rows.refuses("update gate_signature set signer_name = 'Mallory' where id = ?", signature)
			.hasMessageContaining("cannot be edited");
		this.rows.refuses("update gate_signature set content_hash = ? where id = ?", "f".repeat(64), signature)
			.hasMessageContaining("cannot be edited");
		this.rows.refuses("delete from gate_signature where id = ?", signature).hasMessageContaining("never deleted");
		this.rows.update("""
				update gate_signature set valid = false, invalidated_at = now(), invalidated_by = 'x',
				    invalidation_reason = 'answer changed' where id = ?""", signature);
		this.rows.refuses("update gate_signature set valid = true, invalidated_at = null where id = ?", signature)
			.hasMessageContaining("cannot be edited");
	}

	@Test
	void lapsedEvidenceIsFoundOnOpenGatesOnlyAndOnlyOnce() {
		long open = this.rows.gate(this.prototype, "OPEN");
		long other = this.rows.prototype(Rows.unique("DECIDED-"), "Decided", "v", this.explorer, this.deliverer);
		long decided = this.rows.gate(other, "REJECTED");
		LocalDate today = LocalDate.of(2026, 5, 4);
		item(open, "lapsed_link", today.minusDays(1), null);
		item(open, "still_valid", today, null);
		item(open, "already_expired", today.minusDays(3), today.minusDays(2));
		item(decided, "lapsed_elsewhere", today.minusDays(1), null);

		assertThat(this.gates.findOpenWithLapsedEvidence(today)).extracting(Gate::getId).containsExactly(open);
		assertThat(this.gates.findDatedEvidenceOnOpenGates(today)).extracting(GateItem::getCode)
			.containsExactly("already_expired", "lapsed_link", "still_valid");
	}

	private void item(long gate, String code, LocalDate validUntil, LocalDate expiredOn) {
		this.rows.update("""
				insert into gate_item (gate_id, track, position, code, label, kind, blocking, evidence_url,
				    evidence_valid_until, evidence_expired_on)
				values (?, 'COMMERCIAL', (select count(*) + 1 from gate_item where gate_id = ?), ?, 'Evidence',
				    'EVIDENCE_LINK', true, 'https://evidence.example/x', ?, ?)""", gate, gate, code, validUntil,
				expiredOn);
	}

}
