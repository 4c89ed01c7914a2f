package io.dualgate.security;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.people.ApiTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * TRUST 32, issue 10 defect 5: every stored URL is http or https, checked by one
 * validator; {@code javascript:} is refused with a message next to the field on the page
 * and a 422 naming the field in the API; a link stored before the check is shown as text,
 * never as a link.
 */
@IntegrationTest
@Import(GateFixtures.class)
class WebLinkTests {

	private static final String SCRIPT = "javascript:alert(document.domain)";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aScriptLinkOnAGateItemIsRefusedNextToTheFieldAndNotStored() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		MvcTestResult posted = this.mvc.post()
			.uri("/gates/{id}/tracks/TECHNICAL/items/white_paper", id)
			.param("evidenceUrl", SCRIPT)
			.with(user(this.fixtures.login("explorer")))
			.with(csrf())
			.exchange();
		assertThat(posted).hasStatus3xxRedirection();
		MvcTestResult page = this.mvc.get()
			.uri("/gates/{id}", id)
			.cookie(posted.getResponse().getCookies())
			.with(user(this.fixtures.login("explorer")))
			.exchange();
		assertThat(page).bodyText()
			.contains("id=\"answer-error-TECHNICAL-white_paper\"")
			.contains("aria-describedby=\"answer-error-TECHNICAL-white_paper\"")
			.contains("Link: Only http and https links are accepted.")
			.doesNotContain("href=\"javascript:");
		assertThat(storedLinks(id)).isZero();
	}

	@Test
	void aScriptLinkInTheApiIsA422NamingTheField() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		MvcTestResult result = this.mvc.put()
			.uri("/api/v1/gates/{id}/tracks/TECHNICAL/items/white_paper", id)
			.header(HttpHeaders.AUTHORIZATION,
					"Bearer " + this.tokens.create(this.fixtures.userId("explorer"), "links " + System.nanoTime()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"evidenceUrl\": \"" + SCRIPT + "\"}")
			.exchange();
		assertThat(result).hasStatus(422);
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("evidenceUrl");
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("link.scheme");
		assertThat(storedLinks(id)).isZero();

		MvcTestResult webhook = this.mvc.post()
			.uri("/api/v1/webhooks")
			.header(HttpHeaders.AUTHORIZATION,
					"Bearer " + this.tokens.create(this.fixtures.userId("admin"), "links " + System.nanoTime()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\": \"" + SCRIPT + "\", \"events\": [\"gate.approved\"], \"format\": \"standard\"}")
			.exchange();
		assertThat(webhook).hasStatus(422);
		assertThat(webhook).bodyJson().extractingPath("$.field").isEqualTo("url");
	}

	@Test
	void aPocAgreementLinkIsCheckedByTheSameValidator() {
		String key = this.fixtures.prototype();
		this.jdbc.sql("update prototype set stage = 'POC' where key = ?").param(key).update();
		MvcTestResult result = this.mvc.post()
			.uri("/prototypes/{key}/pocs/new", key)
			.param("customer", "Acme")
			.param("startDate", "2026-01-05")
			.param("endDate", "2026-03-01")
			.param("successCriteria", "90 % of tickets triaged")
			.param("sovereigntyStatus", "SIGNED")
			.param("sovereigntyLink", "JavaScript:alert(1)")
			.param("status", "PLANNED")
			.with(user(this.fixtures.login("deliverer")))
			.with(csrf())
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"sovereigntyLink-error\"")
			.contains("Only http and https links are accepted.");
		assertThat(this.jdbc.sql("select count(*) from poc p join prototype t on t.id = p.prototype_id where t.key = ?")
			.param(key)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aScriptLinkStoredBeforeTheCheckIsShownAsTextNotAsALink() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.jdbc.sql("""
				update gate_item set evidence_url = ?, answered_at = now(), answer_source = 'FORM'
				where gate_id = ? and track = 'TECHNICAL' and code = 'white_paper'""").params(SCRIPT, id).update();
		MvcTestResult page = this.mvc.get()
			.uri("/gates/{id}", id)
			.with(user(this.fixtures.login("executive")))
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains(SCRIPT + " (not an http or https link, so it is not opened)")
			.doesNotContain("href=\"javascript:");
	}

	private long storedLinks(long gateId) {
		return this.jdbc.sql("select count(*) from gate_item where gate_id = ? and evidence_url is not null")
			.param(gateId)
			.query(Long.class)
			.single();
	}

}
