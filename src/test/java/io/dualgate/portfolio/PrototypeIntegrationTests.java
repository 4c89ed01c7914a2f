package io.dualgate.portfolio;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@IntegrationTest
class PrototypeIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Portfolio portfolio;

	@Autowired
	UserDetailsService users;

	@Test
	@WithUserDetails("executive")
	void theListFlagsAPrototypeWhoseKillCriterionIsMet() {
		assertThat(this.mvc.get().uri("/prototypes").param("q", "claims")).hasStatusOk()
			.bodyText()
			.contains("Claims Triage Agent", "Kill criterion met");
		assertThat(this.mvc.get().uri("/prototypes").param("q", "contract")).hasStatusOk()
			.bodyText()
			.doesNotContain("Kill criterion met");
	}

	@Test
	@WithUserDetails("explorer")
	void aPmKillsAPrototypeWithAReasonAndTheStageHistoryAndAuditTrailSayWhy() {
		this.jdbc.sql("""
				insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
				select 'DOOMED', 'Doomed idea', 'p', 'Kill test', e.id, d.id, 'PROTOTYPE'
				from app_user e, app_user d where e.username = 'explorer' and d.username = 'deliverer'""").update();
		assertThat(this.mvc.post().uri("/prototypes/DOOMED/kill").with(csrf()).param("reason", " "))
			.hasRedirectedUrl("/prototypes/DOOMED")
			.flash()
			.containsEntry("error", "prototype.kill.reasonRequired");
		assertThat(this.portfolio.get("DOOMED").stage()).isEqualTo(Stage.PROTOTYPE);
		assertThat(this.mvc.post()
			.uri("/prototypes/DOOMED/kill")
			.with(csrf())
			.param("reason", "No customer would pay for it")).hasRedirectedUrl("/prototypes/DOOMED");
		PrototypeView killed = this.portfolio.get("DOOMED");
		assertThat(killed.stage()).isEqualTo(Stage.KILLED);
		assertThat(killed.history()).last().satisfies((h) -> {
			assertThat(h.toStage()).isEqualTo(Stage.KILLED);
			assertThat(h.reason()).isEqualTo("No customer would pay for it");
		});
		assertThat(this.jdbc
			.sql("select reason from audit_event where action = 'PROTOTYPE_KILLED'"
					+ " and entity_id = 'DOOMED' and actor = 'explorer'")
			.query(String.class)
			.single()).isEqualTo("No customer would pay for it");
	}

	@Test
	@WithUserDetails("explorer")
	void explorerRegistersAPrototypeThatStartsItsStageHistory() {
		long deliverer = userId("deliverer");
		long explorer = userId("explorer");
		assertThat(this.mvc.post()
			.uri("/prototypes/new")
			.with(csrf())
			.param("key", "KYC-AGENT")
			.param("name", "KYC Document Agent")
			.param("problemStatement", "Onboarding analysts re-key passport data by hand.")
			.param("vertical", "Banking")
			.param("explorationPmId", String.valueOf(explorer))
			.param("deliveryPmId", String.valueOf(deliverer))).hasStatus3xxRedirection()
			.hasRedirectedUrl("/prototypes/KYC-AGENT");
		PrototypeView created = this.portfolio.get("KYC-AGENT");
		assertThat(created.stage()).isEqualTo(Stage.PROTOTYPE);
		assertThat(created.history()).singleElement()
			.satisfies((h) -> assertThat(h.toStage()).isEqualTo(Stage.PROTOTYPE));
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'PROTOTYPE_REGISTERED'"
					+ " and entity_id = 'KYC-AGENT' and actor = 'explorer'")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	@WithUserDetails("explorer")
	void duplicateKeyIsRefusedWithAMessage() {
		String key = ownPrototype("TAKEN").key();
		assertThat(this.mvc.post()
			.uri("/prototypes/new")
			.with(csrf())
			.param("key", key)
			.param("name", "Again")
			.param("problemStatement", "Again")
			.param("vertical", "Legal")
			.param("explorationPmId", String.valueOf(userId("explorer")))
			.param("deliveryPmId", String.valueOf(userId("deliverer")))).hasStatusOk()
			.bodyText()
			.contains("The key " + key + " is already taken.");
	}

	@Test
	@WithUserDetails("explorer")
	void aDeliveryPmSlotNeedsSomeoneWithThatRole() {
		assertThat(this.mvc.post()
			.uri("/prototypes/new")
			.with(csrf())
			.param("key", "WRONG-ROLE")
			.param("name", "Wrong role")
			.param("problemStatement", "Problem")
			.param("vertical", "Legal")
			.param("explorationPmId", String.valueOf(userId("explorer")))
			.param("deliveryPmId", String.valueOf(userId("executive")))).hasStatusOk()
			.bodyText()
			.contains("Choose an active person who holds the Delivery PM role.");
		assertThat(this.portfolio.findByKey("WRONG-ROLE")).isEmpty();
	}

	@Test
	@WithUserDetails("deliverer")
	void aStaleEditGetsTheConflictPageAndChangesNothing() {
		PrototypeView mine = ownPrototype("STALE");
		// someone else saves first
		this.portfolio.describe(mine.key(), new PrototypeForm(mine.key(), "Renamed first", mine.problemStatement(),
				mine.vertical(), mine.explorationPmId(), mine.deliveryPmId(), mine.version()), mine.deliveryPmId());
		assertThat(this.mvc.post()
			.uri("/prototypes/{key}/edit", mine.key())
			.with(csrf())
			.param("key", mine.key())
			.param("name", "Renamed second")
			.param("problemStatement", mine.problemStatement())
			.param("vertical", mine.vertical())
			.param("explorationPmId", String.valueOf(mine.explorationPmId()))
			.param("deliveryPmId", String.valueOf(mine.deliveryPmId()))
			.param("version", String.valueOf(mine.version()))).hasStatus(409)
			.bodyText()
			.contains("Someone else changed this");
		assertThat(this.portfolio.get(mine.key()).name()).isEqualTo("Renamed first");
	}

	@Test
	void aStageIsNeverSkipped() {
		PrototypeView mine = ownPrototype("SKIP");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.portfolio.advance(mine.id(), Stage.PROTOTYPE, Stage.PRODUCTION,
					userId("explorer"), java.time.Instant.now(), "skip"))
			.isInstanceOf(io.dualgate.shared.RuleViolationException.class);
		assertThat(this.portfolio.get(mine.key()).stage()).isEqualTo(Stage.PROTOTYPE);
	}

	@Test
	void onlyAnAdminReassignsThePmsAndTheReassignmentIsAudited() {
		String key = "REASSIGN-" + (System.nanoTime() % 100000);
		long explorer = userId("explorer");
		long deliverer = userId("deliverer");
		long labexplorer = userId("labexplorer");
		PrototypeView created = this.portfolio.register(
				new PrototypeForm(key, "Reassigned", "A problem", "Testing", explorer, deliverer, null), explorer);

		// Its own Delivery PM edits the description but cannot hand the technical track
		// on.
		assertThat(this.mvc.post()
			.uri("/prototypes/{key}/edit", key)
			.with(csrf())
			.with(user("deliverer"))
			.param("key", key)
			.param("name", "Reassigned")
			.param("problemStatement", "A problem")
			.param("vertical", "Testing")
			.param("explorationPmId", String.valueOf(labexplorer))
			.param("deliveryPmId", String.valueOf(deliverer))
			.param("version", String.valueOf(created.version()))).hasStatusOk()
			.bodyText()
			.contains("Only an administrator reassigns the PMs of a prototype.");
		assertThat(this.portfolio.get(key).explorationPmId()).isEqualTo(explorer);

		// One person on both tracks is refused even for an admin.
		assertThat(this.mvc.post()
			.uri("/prototypes/{key}/edit", key)
			.with(csrf())
			.with(user("admin"))
			.param("key", key)
			.param("name", "Reassigned")
			.param("problemStatement", "A problem")
			.param("vertical", "Testing")
			.param("explorationPmId", String.valueOf(deliverer))
			.param("deliveryPmId", String.valueOf(deliverer))
			.param("version", String.valueOf(created.version()))).hasStatusOk()
			.bodyText()
			.contains("must be two different people");

		assertThat(this.mvc.post()
			.uri("/prototypes/{key}/edit", key)
			.with(csrf())
			.with(user("admin"))
			.param("key", key)
			.param("name", "Reassigned")
			.param("problemStatement", "A problem")
			.param("vertical", "Testing")
			.param("explorationPmId", String.valueOf(labexplorer))
			.param("deliveryPmId", String.valueOf(deliverer))
			.param("version", String.valueOf(created.version()))).hasStatus3xxRedirection();
		assertThat(this.portfolio.get(key).explorationPmId()).isEqualTo(labexplorer);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'PROTOTYPE_PMS_REASSIGNED' and entity_id = ?
				  and new_value like ?""")
			.params(key, "%\"explorationPm\":" + labexplorer + "%")
			.query(Long.class)
			.single()).isOne();
	}

	private RequestPostProcessor user(String username) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(this.users.loadUserByUsername(username));
	}

	/** A prototype of explorer and deliverer with a key no other test uses. */
	private PrototypeView ownPrototype(String prefix) {
		String key = prefix + "-" + (System.nanoTime() % 100000);
		long explorer = userId("explorer");
		return this.portfolio.register(
				new PrototypeForm(key, "Prototype " + key, "A problem", "Testing", explorer, userId("deliverer"), null),
				explorer);
	}

	private long userId(String username) {
		return this.jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
	}

}
