package io.dualgate.gate;

import java.util.Set;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.checklist.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The whole dual-sign journey in the browser: explorer answers and signs the technical
 * track, deliverer signs the commercial track, the prototype moves to POC.
 */
@IntegrationTest
class GateJourneyTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Gates gates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoPeopleSignTwoTracksAndThePrototypeMovesToPoc() {
		String key = this.fixtures.prototype();
		assertThat(this.mvc.post()
			.uri("/gates")
			.param("prototypeKey", key)
			.with(user(this.fixtures.login("explorer")))
			.with(csrf())).hasStatus3xxRedirection();
		GateView gate = this.gates.forPrototype(prototypeId(key)).get(0);
		long id = gate.id();

		answerInBrowser(gate, Track.TECHNICAL, "explorer");
		signInBrowser(id, Track.TECHNICAL, "explorer");
		assertThat(this.gates.get(id).status()).isEqualTo(GateStatus.OPEN);
		assertThat(this.fixtures.stageOf(key)).isEqualTo("PROTOTYPE");

		answerInBrowser(gate, Track.COMMERCIAL, "deliverer");
		signInBrowser(id, Track.COMMERCIAL, "deliverer");

		GateView decided = this.gates.get(id);
		assertThat(decided.status()).isEqualTo(GateStatus.APPROVED);
		assertThat(this.fixtures.stageOf(key)).isEqualTo("POC");

		MvcTestResult record = this.mvc.get()
			.uri("/gates/{id}/record", id)
			.with(user(this.fixtures.login("executive")))
			.exchange();
		assertThat(record).hasStatusOk();
		assertThat(record).bodyText()
			.contains("Lin Wei", "Maria Santos", "Approved: technical robustness", "Approved: commercial readiness",
					decided.technical().validSignature().contentHash(),
					decided.commercial().validSignature().contentHash(), "UTC", "GATE_APPROVED");

		MvcTestResult pdf = this.mvc.get()
			.uri("/gates/{id}/record.pdf", id)
			.with(user(this.fixtures.login("executive")))
			.exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
	}

	@Test
	void pagesRenderForEveryRole() {
		for (String who : new String[] { "explorer", "deliverer", "executive", "admin" }) {
			assertThat(this.mvc.get().uri("/gates").with(user(this.fixtures.login(who)))).hasStatusOk();
			long openGate = this.gates.list(GateStatus.OPEN).get(0).id();
			assertThat(this.mvc.get().uri("/gates/{id}", openGate).with(user(this.fixtures.login(who)))).hasStatusOk();
			assertThat(this.mvc.get().uri("/prototypes/CONTRACT-RISK").with(user(this.fixtures.login(who))))
				.hasStatusOk()
				.bodyText()
				.contains("Dual-sign gates");
		}
		long contractRisk = this.gates.list(GateStatus.OPEN)
			.stream()
			.filter((g) -> g.prototypeKey().equals("CONTRACT-RISK"))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(
				this.mvc.get().uri("/gates/{id}?lang=zh-CN", contractRisk).with(user(this.fixtures.login("deliverer"))))
			.hasStatusOk()
			.bodyText()
			.contains("《技术鲁棒性确认书》", "《商业就绪确认书》", "有效签名", "签署此轨道");
		assertThat(this.mvc.get().uri("/gates/{id}", contractRisk).with(user(this.fixtures.login("deliverer")))).body()
			.asString()
			.contains("hx-post=\"/gates/" + contractRisk + "/tracks/COMMERCIAL/items/pricing_model\"",
					"hx-select=\"#track-COMMERCIAL\"");
		assertThat(this.mvc.get()
			.uri("/gates/{id}/tracks/COMMERCIAL/sign?lang=zh-CN", contractRisk)
			.with(user(this.fixtures.login("deliverer")))).hasStatusOk().bodyText().contains("批准：商业就绪");
		assertThat(this.mvc.get().uri("/gates/queue").with(user(this.fixtures.login("deliverer")))).hasStatusOk()
			.bodyText()
			.contains("Contract Risk Review");
		assertThat(this.mvc.get().uri("/gates/queue").with(user(this.fixtures.login("executive")))).hasStatus(403);
		assertThat(this.mvc.get().uri("/gates?status=APPROVED").with(user(this.fixtures.login("executive"))))
			.hasStatusOk();
		assertThat(this.mvc.get().uri("/gates/999999").with(user(this.fixtures.login("executive")))).hasStatus(404);
	}

	@Test
	void demoPortfolioWentThroughRealGates() {
		assertThat(this.fixtures.stageOf("SUPPORT-DRAFTS")).isEqualTo("PILOT");
		assertThat(this.fixtures.stageOf("INVOICE-MATCH")).isEqualTo("PRODUCTION");
		assertThat(this.fixtures.stageOf("CLINICAL-NOTES")).isEqualTo("POC");
		assertThat(this.fixtures.stageOf("SALES-COACH")).isEqualTo("KILLED");
		assertThat(this.gates.forPrototype(prototypeId("CLAIMS-TRIAGE"))).singleElement()
			.satisfies((g) -> assertThat(g.status()).isEqualTo(GateStatus.REJECTED));
		GateView contractRisk = this.gates.forPrototype(prototypeId("CONTRACT-RISK")).get(0);
		assertThat(contractRisk.status()).isEqualTo(GateStatus.OPEN);
		assertThat(contractRisk.technical().validSignature().signerName()).isEqualTo("Lin Wei");
		assertThat(contractRisk.technical().validSignature().hashMatches()).isTrue();
		assertThat(contractRisk.commercial().signed()).isFalse();
		assertThat(contractRisk.commercial().approvable()).isTrue();
		assertThat(contractRisk.sla().overdue()).isTrue();
		// Every demo signature is a real one: its hash matches the answers it signed.
		// (Other
		// tests' gates share the database, some tampered with on purpose: the demo's
		// only.)
		Set<String> demo = Set.of("CLAIMS-TRIAGE", "CLINICAL-NOTES", "CONTRACT-RISK", "INVOICE-MATCH", "SALES-COACH",
				"SUPPORT-DRAFTS");
		for (GateView gate : this.gates.list(null).stream().filter((g) -> demo.contains(g.prototypeKey())).toList()) {
			for (TrackView track : new TrackView[] { gate.technical(), gate.commercial() }) {
				if (track.signed()) {
					assertThat(track.validSignature().hashMatches()).as("gate %d %s", gate.id(), track.track())
						.isTrue();
				}
			}
		}
		assertThat(this.gates.list(null)).filteredOn((g) -> g.sla().late()).isNotEmpty();
	}

	private long prototypeId(String key) {
		return this.jdbc.sql("select id from prototype where key = ?").param(key).query(Long.class).single();
	}

	private void answerInBrowser(GateView gate, Track track, String who) {
		for (ItemView item : gate.track(track).items()) {
			Answer answer = GateFixtures.passing(item);
			var request = this.mvc.post()
				.uri("/gates/{id}/tracks/{t}/items/{c}", gate.id(), track, item.code())
				.param("revision", "0")
				.with(user(this.fixtures.login(who)))
				.with(csrf());
			if (answer.yes() != null) {
				request = request.param("yes", answer.yes().toString());
			}
			if (answer.value() != null) {
				request = request.param("value", answer.value().toPlainString());
			}
			if (answer.evidenceUrl() != null) {
				request = request.param("evidenceUrl", answer.evidenceUrl());
			}
			assertThat(request).hasStatus3xxRedirection();
		}
		assertThat(this.gates.get(gate.id()).track(track).approvable()).isTrue();
	}

	private void signInBrowser(long id, Track track, String who) {
		MvcTestResult form = this.mvc.get()
			.uri("/gates/{id}/tracks/{t}/sign", id, track)
			.with(user(this.fixtures.login(who)))
			.exchange();
		assertThat(form).hasStatusOk();
		GateView gate = this.gates.get(id);
		assertThat(form).bodyText().contains(gate.track(track).contentHash());
		assertThat(this.mvc.post()
			.uri("/gates/{id}/tracks/{t}/sign", id, track)
			.param("meaning", "APPROVE")
			.param("shownHash", gate.track(track).contentHash())
			.param("version", String.valueOf(gate.version()))
			.param("password", GateFixtures.PASSWORD)
			.param("confirmed", "true")
			.with(user(this.fixtures.login(who)))
			.with(csrf())).hasStatus3xxRedirection();
	}

}
