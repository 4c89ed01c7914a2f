package io.dualgate.people;

import javax.sql.DataSource;

import io.dualgate.RepositoryTest;
import io.dualgate.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts on PostgreSQL: usernames are unique whatever their case (TRUST 7), accounts
 * are deactivated, never deleted or renamed, and the queries login and the forms rely on.
 */
@RepositoryTest
class UserAccountRepositoryTests {

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Rows rows;

	@BeforeEach
	void rows() {
		this.rows = new Rows(this.jdbc, this.dataSource);
	}

	@Test
	void aPersonIsFoundHoweverTheUsernameIsTyped() {
		String username = Rows.unique("Ada.Lovelace");
		long id = this.rows.person(username, "EXPLORATION_PM");
		assertThat(this.accounts.findByUsernameIgnoringCase(username.toUpperCase())).get()
			.extracting(UserAccount::getId)
			.isEqualTo(id);
		assertThat(this.accounts.existsByUsernameIgnoringCase(username.toLowerCase())).isTrue();
		assertThat(this.accounts.existsByUsernameIgnoringCase(username + "x")).isFalse();
	}

	@Test
	void theDatabaseRefusesAUsernameThatDiffersOnlyInCase() {
		String username = Rows.unique("explorer");
		this.rows.person(username);
		this.rows.refuses("""
				insert into app_user (username, full_name, email, password_hash, reporting_line)
				values (?, 'Impostor', 'x@test.example', 'h', 'CPO')""", username.toUpperCase())
			.hasMessageContaining("app_user_username_ci");
		assertThat(this.jdbc.sql("select count(*) from app_user where lower(username) = lower(?)")
			.param(username)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void theDatabaseRefusesToDeleteOrRenameAnAccount() {
		String username = Rows.unique("executive");
		this.rows.person(username, "EXECUTIVE");
		this.rows.refuses("delete from app_user where username = ?", username).hasMessageContaining("never deleted");
		this.rows.refuses("update app_user set username = 'boss' where username = ?", username)
			.hasMessageContaining("never change");
		// deactivation is how an account ends
		assertThat(this.rows.update("update app_user set active = false where username = ?", username)).isOne();
	}

	@Test
	void activeHoldersOfARoleAreListedByNameWithoutTheDeactivated() {
		String prefix = Rows.unique("role");
		this.rows.person(prefix + "b", "DELIVERY_PM");
		this.rows.person(prefix + "a", "DELIVERY_PM", "EXPLORATION_PM");
		this.rows.person(prefix + "c", "EXPLORATION_PM");
		String gone = prefix + "d";
		this.rows.person(gone, "DELIVERY_PM");
		this.rows.update("update app_user set active = false where username = ?", gone);
		assertThat(this.accounts.findActiveWithRole(Role.DELIVERY_PM)).extracting(UserAccount::getUsername)
			.filteredOn((name) -> name.startsWith(prefix))
			.containsExactly(prefix + "a", prefix + "b");
	}

	@Test
	void theRightsOfARequestAreOneRowByPrimaryKey() {
		long id = this.rows.person(Rows.unique("stamp"), "ADMIN");
		this.rows.update("update app_user set security_stamp = 7 where id = ?", id);
		assertThat(this.accounts.findRightsById(id)).contains(new UserAccountRepository.Rights(true, 7));
		assertThat(this.accounts.findRightsById(-1)).isEmpty();
	}

}
