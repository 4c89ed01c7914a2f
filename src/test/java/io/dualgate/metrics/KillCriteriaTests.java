package io.dualgate.metrics;

import io.dualgate.IntegrationTest;
import io.dualgate.audit.AuditTrail;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.Stage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class KillCriteriaTests {

	@Autowired
	KillCriteria killCriteria;

	@Autowired
	Portfolio portfolio;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	@WithUserDetails("admin")
	void claimsTriageKillCriterionIsMetFlaggedAndAuditedButTheStageStays() throws Exception {
		Stage before = this.portfolio.get("CLAIMS-TRIAGE").stage();
		this.mvc.perform(post("/kill-criteria/evaluate").with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(this.portfolio.get("CLAIMS-TRIAGE").stage()).isEqualTo(before);
		assertThat(this.killCriteria.met()).extracting(KillCriteria.Flag::prototypeKey)
			.containsExactly("CLAIMS-TRIAGE");
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'KILL_CRITERION_MET' and entity_id = 'CLAIMS-TRIAGE'")
			.query(Long.class)
			.single()).isEqualTo(1);
		this.mvc.perform(get("/kill-criteria"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Claims Triage Agent")));
		this.mvc.perform(get("/prototypes/CLAIMS-TRIAGE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"kill-flag\"")));
		this.mvc.perform(get("/prototypes/CONTRACT-RISK"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"kill-flag\""))));
	}

	@Test
	@WithUserDetails("executive")
	void executivesMayNotRunTheEvaluation() throws Exception {
		this.mvc.perform(post("/kill-criteria/evaluate").with(csrf())).andExpect(status().isForbidden());
	}

}
