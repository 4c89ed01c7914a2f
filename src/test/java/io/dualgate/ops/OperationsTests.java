package io.dualgate.ops;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What operators and their tools see: probes without details, metrics for admins only,
 * and a request id on every answer.
 */
@IntegrationTest
class OperationsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	HealthEndpointGroups groups;

	@Test
	void livenessAndReadinessAreOpenToProbesAndRevealNoDetails() throws Exception {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			MockHttpServletResponse response = this.mvc.perform(get(probe)).andReturn().getResponse();
			assertThat(response.getStatus()).as(probe).isEqualTo(200);
			assertThat(response.getContentAsString()).as(probe)
				.contains("\"status\":\"UP\"")
				.doesNotContain("components")
				.doesNotContain("details")
				.doesNotContain("postgres");
		}
		// Not ready without the database.
		assertThat(this.groups.get("readiness").isMember("db")).isTrue();
		assertThat(this.groups.get("liveness").isMember("db")).isFalse();
	}

	@Test
	void prometheusMetricsAreForAdministratorsOnly() throws Exception {
		MockHttpServletResponse anonymous = this.mvc.perform(get("/actuator/prometheus")).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat(anonymous.getHeader("WWW-Authenticate")).startsWith("Basic");

		assertThat(this.mvc.perform(get("/actuator/prometheus").with(httpBasic("explorer", "dualgate-demo")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);

		MockHttpServletResponse admin = this.mvc
			.perform(get("/actuator/prometheus").with(httpBasic("admin", "dualgate-demo")))
			.andReturn()
			.getResponse();
		assertThat(admin.getStatus()).isEqualTo(200);
		assertThat(admin.getContentAsString()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
		assertThat(admin.getCookie("SESSION")).isNull();
	}

	@Test
	void everyAnswerCarriesARequestIdAndASaneOneIsKept() throws Exception {
		assertThat(this.mvc.perform(get("/login").header("X-Request-Id", "lb-7f3a.42"))
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id")).isEqualTo("lb-7f3a.42");
		String generated = this.mvc.perform(get("/login")).andReturn().getResponse().getHeader("X-Request-Id");
		assertThat(generated).matches("[0-9a-f-]{36}");
		String injected = this.mvc.perform(get("/login").header("X-Request-Id", "x\" forged=1 <script>"))
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id");
		assertThat(injected).matches("[0-9a-f-]{36}");
	}

}
