package io.dualgate.poc;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.dualgate.IntegrationTest;
import io.dualgate.audit.AuditTrail;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.ItemView;
import io.dualgate.gate.Meaning;
import io.dualgate.gate.SignatureView;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.Answer;
import io.dualgate.gate.checklist.Verdict;
import io.dualgate.people.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Done when: an expired data-sovereignty agreement turns its commercial item FAIL and
 * invalidates the commercial signature of the open gate, with the reason on the page. And
 * a gate item's own dated evidence expires the same way; both show on the page of
 * evidence expiring across the portfolio.
 */
@IntegrationTest
@Import(GateFixtures.class)
class EvidenceExpiryTests {

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Gates gates;

	@Autowired
	AgreementExpiry agreements;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditTrail auditTrail;

	@Test
	void anExpiredSovereigntyAgreementFailsItsItemAndInvalidatesTheCommercialSignature() {
		String explorer = this.fixtures.person("eexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("edel", Role.DELIVERY_PM);
		String key = this.fixtures.prototype(explorer, deliverer);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate lastDay = today.plusDays(20);
		String link = "https://contracts.example.com/" + key + "/dsa.pdf";
		long pocId = poc(key, deliverer, link, lastDay);

		long gateId = this.fixtures.open(key, explorer).id();
		this.fixtures.answerPassing(gateId, Track.COMMERCIAL, deliverer);
		this.gates.answer(gateId, Track.COMMERCIAL, "data_sovereignty", Answer.link(link), null,
				this.fixtures.userId(deliverer), "FORM");
		this.fixtures.sign(gateId, Track.COMMERCIAL, deliverer, Meaning.APPROVE, null);

		// listed as expiring while it still holds
		assertThat(page("/evidence/expiring", deliverer)).contains("Prototype " + key, "data-sovereignty agreement",
				"in 20 days");
		// (other tests' agreements share the database: count this one's audit rows, not
		// the
		// portfolio's)
		this.agreements.expireLapsedAgreements(lastDay);
		assertThat(this.auditTrail.forEntity("poc", String.valueOf(pocId))).extracting((e) -> e.action())
			.doesNotContain("POC_AGREEMENT_EXPIRED");

		// the day after its last valid day
		assertThat(this.agreements.expireLapsedAgreements(lastDay.plusDays(1))).isPositive();
		GateView gate = this.gates.get(gateId);
		ItemView item = item(gate, "data_sovereignty");
		assertThat(item.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(item.evidenceExpiredOn()).isEqualTo(lastDay);
		assertThat(gate.commercial().validSignature()).isNull();
		SignatureView invalidated = gate.commercial().signatures().get(0);
		assertThat(invalidated.invalidationReason()).isEqualTo("evidence expired on " + lastDay + ": data_sovereignty");
		assertThat(page("/gates/" + gateId, deliverer)).contains("Evidence expired on " + lastDay,
				"evidence expired on " + lastDay + ": data_sovereignty");
		assertThat(page("/prototypes/" + key, deliverer)).contains("Expired: valid until " + lastDay);
		assertThat(this.auditTrail.forEntity("poc", String.valueOf(pocId))).extracting((e) -> e.action())
			.contains("POC_AGREEMENT_EXPIRED");
		// its owner (the Delivery PM) is told
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("select count(*) from notification where recipient_id = ? and type = 'EVIDENCE_EXPIRED'")
				.param(this.fixtures.userId(deliverer))
				.query(Long.class)
				.single() == 1);
		// once only
		this.agreements.expireLapsedAgreements(lastDay.plusDays(2));
		assertThat(this.auditTrail.forEntity("poc", String.valueOf(pocId))).extracting((e) -> e.action())
			.containsOnlyOnce("POC_AGREEMENT_EXPIRED");
		assertThat(this.gates.get(gateId).commercial().signatures()).hasSize(1);
	}

	@Test
	void aGateItemsDatedEvidenceExpiresTheSameWay() {
		String explorer = this.fixtures.person("iexp", Role.EXPLORATION_PM);
		String key = this.fixtures.prototype(explorer, "deliverer");
		long gateId = this.fixtures.open(key, explorer).id();
		this.fixtures.answerPassing(gateId, Track.TECHNICAL, explorer);
		ItemView link = this.gates.get(gateId)
			.technical()
			.items()
			.stream()
			.filter((i) -> i.kind().name().equals("EVIDENCE_LINK"))
			.findFirst()
			.orElseThrow();
		LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).plusDays(3);
		this.gates.answer(gateId, Track.TECHNICAL, link.code(),
				new Answer(null, null, "https://evidence.example/load-test-2026.pdf", lastDay), null,
				this.fixtures.userId(explorer), "FORM");
		this.fixtures.sign(gateId, Track.TECHNICAL, explorer, Meaning.APPROVE, null);
		assertThat(page("/gates/" + gateId, explorer)).contains("Evidence valid until " + lastDay);
		assertThat(page("/evidence/expiring", explorer)).contains("Prototype " + key, link.code(), "in 3 days");

		assertThat(this.gates.expireLapsedEvidence(lastDay.plusDays(1))).isGreaterThanOrEqualTo(1);
		GateView gate = this.gates.get(gateId);
		assertThat(item(gate, link.code()).verdict()).isEqualTo(Verdict.FAIL);
		assertThat(gate.technical().validSignature()).isNull();
		assertThat(gate.technical().signatures().get(0).invalidationReason())
			.isEqualTo("evidence expired on " + lastDay + ": " + link.code());
		assertThat(gate.technical().failingBlockingItems()).contains(link.code());
	}

	private long poc(String key, String deliverer, String link, LocalDate validUntil) {
		return this.jdbc.sql("""
				insert into poc (prototype_id, customer, start_date, end_date, success_criteria, sovereignty_status,
				    sovereignty_link, status, created_by, created_at, sovereignty_valid_until)
				select id, 'Test customer', current_date - 7, current_date + 60, 'criteria', 'SIGNED', ?, 'PLANNED', ?,
				       now(), ? from prototype where key = ? returning id""")
			.params(link, this.fixtures.userId(deliverer), validUntil, key)
			.query(Long.class)
			.single();
	}

	private static ItemView item(GateView gate, String code) {
		return java.util.stream.Stream.concat(gate.technical().items().stream(), gate.commercial().items().stream())
			.filter((i) -> i.code().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private String page(String path, String username) {
		try {
			return this.mvc.get()
				.uri(path)
				.with(user(this.fixtures.login(username)))
				.exchange()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
