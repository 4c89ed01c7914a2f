package io.dualgate.gate;

import io.dualgate.IntegrationTest;
import io.dualgate.audit.AuditEvent;
import io.dualgate.audit.AuditTrail;
import io.dualgate.audit.AuditVerification;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.gate.template.ChecklistTemplate;
import io.dualgate.gate.template.ChecklistTemplates;
import io.dualgate.portfolio.Stage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every gate change leaves an audit row that nobody can change unnoticed; template edits
 * make new versions and open gates keep theirs.
 */
@IntegrationTest
class GateAuditAndTemplateTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Gates gates;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ChecklistTemplates templates;

	@Test
	void everyGateChangeIsAuditedAndTheTableRefusesUpdateAndDelete() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		this.fixtures.sign(id, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		this.fixtures.sign(id, Track.COMMERCIAL, "deliverer", Meaning.REJECT, "no customer yet");

		java.util.List<AuditEvent> events = this.auditTrail.forEntity("gate", String.valueOf(id));
		assertThat(events).extracting(AuditEvent::action)
			.startsWith("GATE_OPENED")
			.contains("GATE_ITEM_ANSWERED", "GATE_SIGNED")
			.endsWith("GATE_REJECTED");
		assertThat(events).filteredOn((e) -> e.action().equals("GATE_SIGNED"))
			.extracting(AuditEvent::actor)
			.containsExactly("explorer", "deliverer");
		long seq = events.get(0).seq();

		assertThatThrownBy(() -> this.jdbc.sql("update audit_event set reason = 'x' where seq = ?").param(seq).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_event where seq = ?").param(seq).update())
			.hasMessageContaining("append-only");
		assertThat(this.auditTrail.verify().intact()).isTrue();
	}

	@Test
	void tamperingWithAnAuditRowIsFoundByTheVerifier() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		long seq = this.auditTrail.forEntity("gate", String.valueOf(id)).get(0).seq();
		AuditVerification[] seen = new AuditVerification[1];
		// A superuser bypassing the trigger, inside a transaction that is rolled back
		// afterwards.
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("set local session_replication_role = replica").update();
			this.jdbc.sql("update audit_event set new_value = 'status=APPROVED' where seq = ?").param(seq).update();
			seen[0] = this.auditTrail.verify();
			tx.setRollbackOnly();
		});
		assertThat(seen[0].intact()).isFalse();
		assertThat(seen[0].firstBrokenSeq()).isEqualTo(seq);
		assertThat(this.auditTrail.verify().intact()).isTrue();
	}

	@Test
	void signaturesCannotBeRewrittenOrDeletedInTheDatabase() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		this.fixtures.sign(id, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		assertThatThrownBy(() -> this.jdbc.sql("update gate_signature set signer_name = 'Mallory' where gate_id = ?")
			.param(id)
			.update()).hasMessageContaining("cannot be edited");
		assertThatThrownBy(() -> this.jdbc.sql("update gate_signature set gate_id = gate_id + 1 where gate_id = ?")
			.param(id)
			.update()).hasMessageContaining("cannot be edited");
		assertThatThrownBy(() -> this.jdbc.sql("delete from gate_signature where gate_id = ?").param(id).update())
			.hasMessageContaining("never deleted");
	}

	@Test
	void editingATemplateMakesANewVersionAndOpenGatesKeepTheirs() {
		ChecklistTemplate current = this.templates.current(Stage.PILOT, Track.COMMERCIAL).orElseThrow();
		int itemsBefore = current.specs().size();

		// An open gate at PILOT, opened with the current version.
		String key = this.fixtures.prototype();
		this.jdbc.sql("update prototype set stage = 'PILOT' where key = ?").param(key).update();
		GateView before = this.fixtures.open(key, "deliverer");
		assertThat(before.commercial().templateVersion()).isEqualTo(current.getVersion());

		var request = this.mvc.post()
			.uri("/admin/templates/{id}", current.getId())
			.param("title", "Commercial Readiness Confirmation: pilot to production")
			.param("changeNote", "add renewal rate")
			.param("baseVersion", String.valueOf(current.getVersion()))
			.with(user(this.fixtures.login("admin")))
			.with(csrf());
		int row = 0;
		for (ItemSpec spec : current.specs()) {
			request = request.param("items[" + row + "].code", spec.code())
				.param("items[" + row + "].label", spec.label())
				.param("items[" + row + "].kind", spec.kind().name())
				.param("items[" + row + "].blocking", String.valueOf(spec.blocking()));
			if (spec.comparison() != null) {
				request = request.param("items[" + row + "].comparator", spec.comparison().symbol())
					.param("items[" + row + "].threshold", spec.threshold().toPlainString())
					.param("items[" + row + "].unit", spec.unit());
			}
			row++;
		}
		request = request.param("items[" + row + "].code", "renewal_rate_pct")
			.param("items[" + row + "].label", "First-year renewal rate")
			.param("items[" + row + "].kind", "MEASURE")
			.param("items[" + row + "].comparator", ">=")
			.param("items[" + row + "].threshold", "80")
			.param("items[" + row + "].unit", "%")
			.param("items[" + row + "].metricKey", "renewal_rate_pct")
			.param("items[" + row + "].blocking", "true");
		assertThat(request).hasStatus3xxRedirection();

		ChecklistTemplate next = this.templates.current(Stage.PILOT, Track.COMMERCIAL).orElseThrow();
		assertThat(next.getVersion()).isEqualTo(current.getVersion() + 1);
		assertThat(next.specs()).hasSize(itemsBefore + 1);
		assertThat(this.templates.get(current.getId()).specs()).hasSize(itemsBefore);

		// The open gate keeps the version it opened with.
		GateView after = this.gates.get(before.id());
		assertThat(after.commercial().templateVersion()).isEqualTo(current.getVersion());
		assertThat(after.commercial().items()).hasSize(itemsBefore);

		// A stale editor (based on the old version) is refused; a bad row is shown next
		// to its field.
		assertThat(this.mvc.post()
			.uri("/admin/templates/{id}", current.getId())
			.param("title", "t")
			.param("changeNote", "n")
			.param("baseVersion", String.valueOf(current.getVersion()))
			.param("items[0].code", "x_y")
			.param("items[0].label", "l")
			.param("items[0].kind", "ATTESTATION")
			.with(user(this.fixtures.login("admin")))
			.with(csrf())).hasStatus(409);
		assertThat(this.mvc.post()
			.uri("/admin/templates/{id}", next.getId())
			.param("title", "t")
			.param("changeNote", "n")
			.param("baseVersion", String.valueOf(next.getVersion()))
			.param("items[0].code", "Bad Code")
			.param("items[0].label", "l")
			.param("items[0].kind", "MEASURE")
			.with(user(this.fixtures.login("admin")))
			.with(csrf())).hasStatusOk().bodyText().contains("Lower-case letters", "needs a threshold");
		assertThat(this.mvc.get().uri("/admin/templates").with(user(this.fixtures.login("deliverer")))).hasStatus(403);
		assertThat(this.mvc.get().uri("/admin/templates/{id}", next.getId()).with(user(this.fixtures.login("admin"))))
			.hasStatusOk();
	}

}
