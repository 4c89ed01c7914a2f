package io.dualgate.people;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@IntegrationTest
class ApiTokenIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void basicAuthIssuesATokenThatReadsThePortfolio() throws Exception {
		String token = issueToken("explorer");
		assertThat(token).startsWith("dg_").hasSizeGreaterThan(40);
		assertThat(this.mvc.get().uri("/api/v1/prototypes").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$[*].key")
			.asArray()
			.contains("CONTRACT-RISK", "SUPPORT-DRAFTS", "CLAIMS-TRIAGE");
	}

	@Test
	void onePrototypeCarriesItsPmsAndStageHistory() throws Exception {
		String token = issueToken("executive");
		assertThat(this.mvc.get()
			.uri("/api/v1/prototypes/CONTRACT-RISK")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).hasStatusOk().bodyJson().satisfies((json) -> {
				assertThat(json).extractingPath("$.name").isEqualTo("Contract Risk Review");
				assertThat(json).extractingPath("$.explorationPm.username").isEqualTo("explorer");
				assertThat(json).extractingPath("$.deliveryPm.username").isEqualTo("deliverer");
				assertThat(json).extractingPath("$.stageHistory[0].to").isEqualTo("PROTOTYPE");
			});
	}

	@Test
	void withoutATokenTheApiAnswers401ProblemDetails() {
		assertThat(this.mvc.get().uri("/api/v1/prototypes")).hasStatus(401)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo(401);
		assertThat(this.mvc.get().uri("/api/v1/prototypes").header(HttpHeaders.AUTHORIZATION, "Bearer dg_forged"))
			.hasStatus(401)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void basicAuthOnlyIssuesTokensAndSetsNoSessionCookie() {
		assertThat(this.mvc.get().uri("/api/v1/prototypes").with(httpBasic("explorer", "dualgate-demo")))
			.hasStatus(401);
		assertThat(this.mvc.post().uri("/api/v1/tokens").with(httpBasic("explorer", "dualgate-demo"))).hasStatus(201)
			.cookies()
			.doesNotContainCookie("JSESSIONID");
		assertThat(this.mvc.post().uri("/api/v1/tokens").with(httpBasic("explorer", "wrong-password"))).hasStatus(401);
	}

	@Test
	void unknownPrototypeIs404ProblemDetails() throws Exception {
		String token = issueToken("explorer");
		assertThat(
				this.mvc.get().uri("/api/v1/prototypes/NO-SUCH").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.hasStatus(404)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("There is no prototype NO-SUCH.");
	}

	@Test
	void tokensAreStoredHashedAndRevocable() throws Exception {
		String token = issueToken("deliverer");
		assertThat(this.jdbc.sql("select count(*) from api_token where token_hash = ?")
			.param(token)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from api_token where token_hash = ?")
			.param(ApiTokens.sha256(token))
			.query(Long.class)
			.single()).isOne();
		long id = this.jdbc.sql("select id from api_token where token_hash = ?")
			.param(ApiTokens.sha256(token))
			.query(Long.class)
			.single();
		long owner = this.jdbc.sql("select id from app_user where username = 'deliverer'").query(Long.class).single();
		this.transactions.executeWithoutResult((status) -> this.tokens.revoke(owner, id));
		assertThat(this.mvc.get().uri("/api/v1/prototypes").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.hasStatus(401);
	}

	private String issueToken(String username) throws Exception {
		String body = this.mvc.post()
			.uri("/api/v1/tokens")
			.with(httpBasic(username, "dualgate-demo"))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return body.replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

}
