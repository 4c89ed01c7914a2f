package io.dualgate.people;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@IntegrationTest
class UserAdministrationIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	@WithUserDetails("admin")
	void adminCreatesAPersonWithRolesAndTheAuditTrailRecordsIt() {
		assertThat(this.mvc.post()
			.uri("/admin/users/new")
			.with(csrf())
			.param("username", "new.explorer")
			.param("fullName", "Ada Newcomer")
			.param("email", "ada@example.com")
			.param("reportingLine", "CPO")
			.param("roles", "EXPLORATION_PM", "DELIVERY_PM")
			.param("password", "a-long-enough-secret")).hasStatus3xxRedirection().hasRedirectedUrl("/admin/users");
		assertThat(this.jdbc
			.sql("select role from user_role r join app_user u on u.id = r.user_id"
					+ " where u.username = 'new.explorer' order by role")
			.query(String.class)
			.list()).containsExactly("DELIVERY_PM", "EXPLORATION_PM");
		assertThat(this.jdbc.sql(
				"select count(*) from audit_event where action = 'USER_CREATED' and actor = 'admin' and new_value like ?")
			.param("%new.explorer%")
			.query(Long.class)
			.single()).isOne();
	}

}
