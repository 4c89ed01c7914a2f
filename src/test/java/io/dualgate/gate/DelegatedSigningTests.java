package io.dualgate.gate;

import java.time.Duration;
import java.time.Instant;

import io.dualgate.IntegrationTest;
import io.dualgate.audit.AuditTrail;
import io.dualgate.people.ActiveDelegation;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.DelegationRequest;
import io.dualgate.people.Delegations;
import io.dualgate.people.Role;
import io.dualgate.people.SigningAuthority;
import io.dualgate.shared.NotPermittedException;
import io.dualgate.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Done when: A delegates to B for a week; B signs; the record says "on behalf of A"; B
 * cannot also sign the other track; after {@code until}, B's sign button is gone and a
 * direct POST is refused. And the database keeps separation of duties through delegation
 * whatever Java does.
 */
@IntegrationTest
class DelegatedSigningTests {

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Gates gates;

	@Autowired
	Delegations delegations;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditTrail auditTrail;

	@Test
	void aDelegateSignsOnBehalfForAWeekButNeverBothTracks() throws Exception {
		String pmA = this.fixtures.person("pma", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("dlv", Role.DELIVERY_PM);
		// B holds both roles and is the prototype's Delivery PM as well: the four-eyes
		// rule must hold through the delegation.
		String pmB = this.fixtures.person("pmb", Role.EXPLORATION_PM, Role.DELIVERY_PM);
		String key = this.fixtures.prototype(pmA, pmB);
		long gateId = this.fixtures.open(key, pmA).id();
		this.fixtures.answerPassing(gateId, Track.COMMERCIAL, pmB);

		// A delegates the technical track to B for a week, through the API.
		String tokenA = this.tokens.create(this.fixtures.userId(pmA), "delegation");
		Instant until = Instant.now().plus(Duration.ofDays(7));
		MvcTestResult created = this.mvc.post()
			.uri("/api/v1/delegations")
			.header("Authorization", "Bearer " + tokenA)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"track\":\"TECHNICAL\",\"delegate\":\"" + pmB + "\",\"until\":\"" + until
					+ "\",\"reason\":\"annual leave\"}")
			.exchange();
		assertThat(created).hasStatus(201);
		long delegationId = ((Number) com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(),
				"$.id"))
			.longValue();

		// B sees the gate in My queue and answers and signs the technical track.
		assertThat(this.gates.queueOf(this.fixtures.userId(pmB))).extracting(GateView::id).contains(gateId);
		this.fixtures.answerPassing(gateId, Track.TECHNICAL, pmB);
		GateView signed = this.fixtures.sign(gateId, Track.TECHNICAL, pmB, Meaning.APPROVE, null);
		SignatureView signature = signed.technical().validSignature();
		assertThat(signature.signerName()).isEqualTo("Test " + pmB);
		assertThat(signature.onBehalfOfName()).isEqualTo("Test " + pmA);
		assertThat(signature.delegationId()).isEqualTo(delegationId);

		String onBehalf = "Signed by Test " + pmB + " on behalf of Test " + pmA + " (delegation #" + delegationId
				+ ", annual leave)";
		assertThat(this.mvc.get().uri("/gates/{id}", gateId).with(user(this.fixtures.login(pmA))).exchange()).bodyText()
			.contains(onBehalf);
		assertThat(this.mvc.get().uri("/gates/{id}/record", gateId).with(user(this.fixtures.login(pmA))).exchange())
			.bodyText()
			.contains(onBehalf);
		MvcTestResult pdf = this.mvc.get()
			.uri("/gates/{id}/record.pdf", gateId)
			.with(user(this.fixtures.login(pmA)))
			.exchange();
		assertThat(pdf).hasStatusOk();
		assertThat(pdfText(pdf.getResponse().getContentAsByteArray())).contains("on behalf of Test " + pmA);

		// B is also the commercial PM: B cannot also sign the commercial track.
		assertThat(this.gates.permissions(gateId, this.fixtures.userId(pmB)).maySign(Track.COMMERCIAL)).isFalse();
		assertThatThrownBy(() -> this.fixtures.sign(gateId, Track.COMMERCIAL, pmB, Meaning.APPROVE, null))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("gate.sign.sameSigner");
		assertThat(this.gates.get(gateId).status()).isEqualTo(GateStatus.OPEN);

		assertThat(this.auditTrail.forEntity("delegation", String.valueOf(delegationId))).extracting((e) -> e.action())
			.contains("DELEGATION_CREATED", "DELEGATION_USED");
	}

	@Test
	void afterItsUntilInstantTheDelegateHasNoSignButtonAndADirectPostIsRefused() throws Exception {
		String pmA = this.fixtures.person("pma", Role.EXPLORATION_PM);
		String pmB = this.fixtures.person("pmb", Role.EXPLORATION_PM);
		String key = this.fixtures.prototype(pmA, "deliverer");
		long gateId = this.fixtures.open(key, pmA).id();
		this.fixtures.answerPassing(gateId, Track.TECHNICAL, pmA);
		Instant until = Instant.now().plusSeconds(3);
		ActiveDelegation delegation = this.delegations.grant(
				new DelegationRequest(SigningAuthority.TECHNICAL, pmB, null, until, "a short errand", null),
				this.fixtures.userId(pmA));
		GateView shown = this.gates.get(gateId);

		assertThat(signPage(gateId, pmB)).contains("/gates/" + gateId + "/tracks/TECHNICAL/sign");
		assertThat(this.gates.queueOf(this.fixtures.userId(pmB))).extracting(GateView::id).contains(gateId);

		// No job runs: the delegation ends at its instant.
		await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(until));
		assertThat(signPage(gateId, pmB)).doesNotContain("/gates/" + gateId + "/tracks/TECHNICAL/sign");
		assertThat(this.gates.queueOf(this.fixtures.userId(pmB))).extracting(GateView::id).doesNotContain(gateId);
		assertThat(this.mvc.post()
			.uri("/gates/{id}/tracks/TECHNICAL/sign", gateId)
			.param("meaning", "APPROVE")
			.param("password", GateFixtures.PASSWORD)
			.param("confirmed", "true")
			.param("shownHash", shown.technical().contentHash())
			.param("version", String.valueOf(shown.version()))
			.with(user(this.fixtures.login(pmB)))
			.with(csrf())).hasStatus(403);
		assertThatThrownBy(() -> this.fixtures.sign(gateId, Track.TECHNICAL, pmB, Meaning.APPROVE, null))
			.isInstanceOf(NotPermittedException.class);
		assertThat(this.fixtures.validSignatures(gateId, Track.TECHNICAL)).isZero();

		// The audit trail learns of the end from a job; the rule never waited for it.
		this.delegations.recordExpiries();
		assertThat(this.auditTrail.forEntity("delegation", String.valueOf(delegation.id())))
			.extracting((e) -> e.action())
			.contains("DELEGATION_CREATED", "DELEGATION_EXPIRED");
	}

	@Test
	void theDatabaseRefusesOnePersonOnBothTracksThroughADelegation() throws Exception {
		String pmA = this.fixtures.person("pma", Role.EXPLORATION_PM);
		String pmB = this.fixtures.person("pmb", Role.EXPLORATION_PM);
		String key = this.fixtures.prototype(pmA, "deliverer");
		long gateId = this.fixtures.open(key, pmA).id();
		this.fixtures.answerPassing(gateId, Track.TECHNICAL, pmA);
		GateView signed = this.fixtures.sign(gateId, Track.TECHNICAL, pmA, Meaning.APPROVE, null);
		long delegation = this.delegations
			.grant(new DelegationRequest(SigningAuthority.TECHNICAL, pmB, null, Instant.now().plusSeconds(3600), "test",
					null), this.fixtures.userId(pmA))
			.id();
		// Someone signs the commercial track "on behalf of" A, who already holds the
		// technical one: refused by the trigger, whatever Java would have done.
		assertThatThrownBy(() -> this.jdbc.sql("""
				insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text,
				    template_id, template_version, content_hash, on_behalf_of_id, on_behalf_of_name, delegation_id)
				values (?, 'COMMERCIAL', ?, 'x', now(), 'APPROVE', 'x', ?, 1, ?, ?, 'A', ?)""")
			.params(gateId, this.fixtures.userId("deliverer"), signed.commercial().templateId(),
					signed.commercial().contentHash(), this.fixtures.userId(pmA), delegation)
			.update()).hasMessageContaining("separation of duties");
		assertThat(this.fixtures.validSignatures(gateId, Track.COMMERCIAL)).isZero();
	}

	private String signPage(long gateId, String username) throws Exception {
		return this.mvc.get()
			.uri("/gates/{id}", gateId)
			.with(user(this.fixtures.login(username)))
			.exchange()
			.getResponse()
			.getContentAsString();
	}

	static String pdfText(byte[] pdf) throws Exception {
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

}
