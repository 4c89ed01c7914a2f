package io.dualgate.learning.okr;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.learning.LearningFixtures;
import io.dualgate.learning.Quarter;
import io.dualgate.metrics.Metrics;
import io.dualgate.people.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The OKR pages in the browser's shape: a PM states an objective with a form (errors next
 * to the field, nothing saved), checks in, and the prototype page shows the objective
 * beside both scorecards; the portfolio panel counts by status.
 */
@IntegrationTest
@Import(GateFixtures.class)
class OkrPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures gates;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Metrics metrics;

	@Autowired
	JdbcClient jdbc;

	LearningFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new LearningFixtures(this.gates, this.tokens, this.metrics, this.jdbc);
	}

	@Test
	void aPmStatesAnObjectiveChecksInAndSeesItBesideTheScorecards() {
		String key = this.gates.prototype();
		Quarter quarter = Quarter.of(LearningFixtures.today());
		this.fixtures.observe(key, "first_response_accuracy_pct", LearningFixtures.today(), "88.5");

		MvcTestResult wrong = this.mvc.post()
			.uri("/prototypes/{key}/okrs", key)
			.with(csrf())
			.with(user(this.gates.login("explorer")))
			.param("period", quarter.toString())
			.param("objective", "Recognise contract risk")
			.param("keyResults[0].metric", "first_response_accuracy_pct")
			.param("keyResults[0].baseline", "85")
			.param("keyResults[0].target", "85")
			.param("keyResults[0].track", "TECHNICAL")
			.exchange();
		assertThat(wrong).hasStatusOk();
		assertThat(wrong).bodyText().contains("The target must differ from the baseline.").contains("is-invalid");
		assertThat(this.fixtures
			.count("select count(*) from okr o join prototype p on p.id = o.prototype_id" + " where p.key = ?", key))
			.isZero();

		MvcTestResult stated = this.mvc.post()
			.uri("/prototypes/{key}/okrs", key)
			.with(csrf())
			.with(user(this.gates.login("explorer")))
			.param("period", quarter.toString())
			.param("objective", "Recognise contract risk")
			.param("keyResults[1].metric", "first_response_accuracy_pct")
			.param("keyResults[1].baseline", "85")
			.param("keyResults[1].target", "92")
			.param("keyResults[1].track", "TECHNICAL")
			.exchange();
		assertThat(stated).hasStatus3xxRedirection();
		long id = this.jdbc.sql("select o.id from okr o join prototype p on p.id = o.prototype_id where p.key = ?")
			.param(key)
			.query(Long.class)
			.single();
		assertThat(this.mvc.post()
			.uri("/prototypes/{key}/okrs/{id}/check-ins", key, id)
			.with(csrf())
			.with(user(this.gates.login("deliverer")))
			.param("confidence", "12")
			.exchange()).bodyText().contains("must be a whole number from 0 to 10");
		assertThat(this.mvc.post()
			.uri("/prototypes/{key}/okrs/{id}/check-ins", key, id)
			.with(csrf())
			.with(user(this.gates.login("deliverer")))
			.param("confidence", "6")
			.param("note", "Two pilots ask for clause extraction")
			.exchange()).hasStatus3xxRedirection();

		MvcTestResult page = this.mvc.get()
			.uri("/prototypes/{key}/okrs", key)
			.with(user(this.gates.login("explorer")))
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("Recognise contract risk")
			.contains("50 % of the way")
			.contains("Two pilots ask for clause extraction")
			.contains("6/10")
			.contains("robustness pass rate")
			.contains("first-year renewal rate");

		MvcTestResult prototypePage = this.mvc.get()
			.uri("/prototypes/{key}", key)
			.with(user(this.gates.login("executive")))
			.exchange();
		assertThat(prototypePage).bodyText()
			.contains("Shared OKR, separate assessment")
			.contains("Recognise contract risk");
		MvcTestResult strangerView = this.mvc.get()
			.uri("/prototypes/{key}", key)
			.with(user(this.gates.login("labexplorer")))
			.exchange();
		assertThat(strangerView).hasStatusOk();
		assertThat(strangerView).bodyText().doesNotContain("Recognise contract risk");
		assertThat(this.mvc.get().uri("/prototypes/{key}/okrs", key).with(user(this.gates.login("labexplorer"))))
			.hasStatus(403);

		MvcTestResult portfolio = this.mvc.get().uri("/okrs").with(user(this.gates.login("executive"))).exchange();
		assertThat(portfolio).hasStatusOk();
		assertThat(portfolio).bodyText().contains("Recognise contract risk").contains("At risk");
		assertThat(this.mvc.get().uri("/okrs?period=2026-Q9").with(user(this.gates.login("executive")))).bodyText()
			.contains("That is not a quarter");
	}

}
