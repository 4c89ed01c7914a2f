package io.dualgate.maturity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.dualgate.IntegrationTest;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class MaturityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Maturity maturity;

	@Autowired
	Portfolio portfolio;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	@WithUserDetails("explorer")
	void aNewAssessmentIsAppendedAndTheGridShowsItAgainstTheBaseline() throws Exception {
		PrototypeView prototype = this.portfolio.get("SALES-COACH");
		List<Assessment> before = this.maturity.history(prototype.id());
		this.mvc
			.perform(post("/prototypes/SALES-COACH/maturity/new").with(csrf())
				.param("assessedOn", LocalDate.now(this.clock).toString())
				.param("technicalValidation", "3")
				.param("customerValue", "3")
				.param("complianceReadiness", "1")
				.param("notes", "Liability map reopened after the new data flow."))
			.andExpect(status().is3xxRedirection());

		List<Assessment> after = this.maturity.history(prototype.id());
		assertThat(after).hasSize(before.size() + 1);
		assertThat(after.subList(0, before.size())).isEqualTo(before);
		assertThat(this.maturity.current(prototype.id()).orElseThrow().technicalValidation()).isEqualTo(3);
		assertThat(this.maturity.currentLevels()).anySatisfy((levels) -> {
			assertThat(levels.prototypeId()).isEqualTo(prototype.id());
			assertThat(levels.complianceReadiness()).isEqualTo(1);
		});
		// Baseline of SALES-COACH is 1/1/1: technical moved up 2, compliance unchanged.
		this.mvc.perform(get("/prototypes/SALES-COACH"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"maturity-grid\"")))
			.andExpect(content().string(containsString("up 2")))
			.andExpect(content().string(containsString("unchanged")))
			.andExpect(content().string(containsString("Liability map reopened")));
	}

	@Test
	@WithUserDetails("explorer")
	void theFormShowsTheRubricOfEveryLevel() throws Exception {
		this.mvc.perform(get("/prototypes/CONTRACT-RISK/maturity/new"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("routes to human review")))
			.andExpect(content().string(containsString("legally responsible party for every API-call step")));
		this.mvc.perform(get("/prototypes/CONTRACT-RISK/maturity/new?lang=zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("技术验证深度")));
	}

	@Test
	void theDatabaseRefusesToOverwriteHistory() {
		assertThatException()
			.isThrownBy(() -> this.jdbc.sql("update maturity_assessment set technical_level = 3").update())
			.withMessageContaining("history");
		assertThatException().isThrownBy(() -> this.jdbc.sql("delete from maturity_assessment").update());
	}

	@Test
	@WithUserDetails("executive")
	void fakeDualTrackIsWarnedWhereTheExplorationPmReportsToTheCto() throws Exception {
		this.mvc.perform(get("/prototypes/CLAIMS-TRIAGE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"fake-dual-track\"")))
			.andExpect(content().string(containsString("reports to the CTO")));
		this.mvc.perform(get("/prototypes/CONTRACT-RISK"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"fake-dual-track\""))));
	}

	@Test
	@WithUserDetails("executive")
	void executivesReadButDoNotAssess() throws Exception {
		this.mvc
			.perform(post("/prototypes/SALES-COACH/maturity/new").with(csrf())
				.param("assessedOn", "2026-01-01")
				.param("technicalValidation", "3")
				.param("customerValue", "3")
				.param("complianceReadiness", "3"))
			.andExpect(status().isForbidden());
	}

}
