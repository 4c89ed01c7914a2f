package io.dualgate.gate;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Operators see open gates, overdue gates and how long decisions take at
 * /actuator/prometheus.
 */
@IntegrationTest
class GateMetricsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void prometheusShowsOpenAndOverdueGatesAndTheDecisionTimeHistogram() throws Exception {
		GateView gate = this.fixtures.open(this.fixtures.prototype(), "explorer");
		this.fixtures.answerPassing(gate.id(), Track.TECHNICAL, "explorer");
		this.fixtures.answerPassing(gate.id(), Track.COMMERCIAL, "deliverer");
		this.fixtures.sign(gate.id(), Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		GateView decided = this.fixtures.sign(gate.id(), Track.COMMERCIAL, "deliverer", Meaning.APPROVE, null);
		assertThat(decided.status()).isEqualTo(GateStatus.APPROVED);

		// An open gate, one day past its SLA.
		GateView overdue = this.fixtures.open(this.fixtures.prototype(), "explorer");
		this.jdbc.sql("update gate set opened_at = now() - (sla_hours + 24) * interval '1 hour' where id = ?")
			.param(overdue.id())
			.update();

		String metrics = scrape();
		long open = this.jdbc.sql("select count(*) from gate where status = 'OPEN'").query(Long.class).single();
		long late = this.jdbc.sql(
				"select count(*) from gate where status = 'OPEN' and opened_at + sla_hours * interval '1 hour' < now()")
			.query(Long.class)
			.single();
		assertThat(late).isPositive();
		assertThat(metrics).containsPattern("(?m)^dualgate_gates_open\\{[^}]*\\} " + open + "\\.0$")
			.containsPattern("(?m)^dualgate_gates_overdue\\{[^}]*\\} " + late + "\\.0$")
			.containsPattern(
					"(?m)^dualgate_gate_decision_time_seconds_bucket\\{[^}]*from=\"PROTOTYPE\"[^}]*outcome=\"APPROVED\"")
			.containsPattern(
					"(?m)^dualgate_gate_decision_time_seconds_count\\{[^}]*from=\"PROTOTYPE\"[^}]*outcome=\"APPROVED\"[^}]*\\} [1-9]");
	}

	@Test
	void gateMetricsAreNotForPms() throws Exception {
		assertThat(this.mvc.perform(get("/actuator/prometheus").with(httpBasic("explorer", GateFixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	private String scrape() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/actuator/prometheus").with(httpBasic("admin", GateFixtures.PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

}
