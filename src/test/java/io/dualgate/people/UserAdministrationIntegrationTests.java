package io.dualgate.people;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
			.single()).isGreaterThanOrEqualTo(1);
	}

	@Test
	@WithUserDetails("admin")
	void usernamesAreUniqueIgnoringCase() {
		assertThat(this.mvc.post()
			.uri("/admin/users/new")
			.with(csrf())
			.param("username", "EXPLORER")
			.param("fullName", "Impostor")
			.param("email", "x@example.com")
			.param("reportingLine", "CPO")
			.param("roles", "EXPLORATION_PM")
			.param("password", "a-long-enough-secret")).hasStatusOk().bodyText().contains("This username is taken");
	}

	@Test
	@WithUserDetails("admin")
	void shortPasswordIsRefusedNextToTheField() {
		assertThat(this.mvc.post()
			.uri("/admin/users/new")
			.with(csrf())
			.param("username", "shorty")
			.param("fullName", "Short Password")
			.param("email", "s@example.com")
			.param("reportingLine", "OTHER")
			.param("roles", "EXECUTIVE")
			.param("password", "elevenchars")).hasStatusOk().bodyText().contains("at least 12 characters");
		assertThat(this.jdbc.sql("select count(*) from app_user where username = 'shorty'").query(Long.class).single())
			.isZero();
	}

	@Test
	@WithUserDetails("admin")
	void anAuditorHoldsNoOtherRoleInTheFormOrInTheDatabase() {
		String username = "auditor" + System.nanoTime() % 100000;
		assertThat(this.mvc.post()
			.uri("/admin/users/new")
			.with(csrf())
			.param("username", username)
			.param("fullName", "Two Hats")
			.param("email", "two@example.com")
			.param("reportingLine", "OTHER")
			.param("roles", "AUDITOR", "ADMIN")
			.param("password", "a-long-enough-secret")).hasStatusOk()
			.bodyText()
			.contains("An auditor holds no other role");
		assertThat(this.jdbc.sql("select count(*) from app_user where username = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
		long auditor = this.jdbc.sql("select id from app_user where username = 'auditor'").query(Long.class).single();
		assertThatThrownBy(() -> this.jdbc.sql("insert into user_role (user_id, role) values (?, 'ADMIN')")
			.param(auditor)
			.update()).hasMessageContaining("an auditor holds no other role");
	}

	@Test
	@WithUserDetails("explorer")
	void nonAdminsCannotSeeOrChangePeople() {
		assertThat(this.mvc.get().uri("/admin/users")).hasStatus(403);
		assertThat(this.mvc.post().uri("/admin/users/1/deactivate").with(csrf())).hasStatus(403);
	}

	@Test
	void theDatabaseRefusesToDeleteOrRenameAUser() {
		assertThatThrownBy(() -> this.jdbc.sql("delete from app_user where username = 'executive'").update())
			.hasMessageContaining("never deleted");
		assertThatThrownBy(
				() -> this.jdbc.sql("update app_user set username = 'boss' where username = 'executive'").update())
			.hasMessageContaining("never change");
	}

	@Test
	@WithUserDetails("executive")
	void profileShowsOwnRolesAndTokens() {
		assertThat(this.mvc.get().uri("/profile")).hasStatusOk().bodyText().contains("Grace Okafor", "API tokens");
	}

}
