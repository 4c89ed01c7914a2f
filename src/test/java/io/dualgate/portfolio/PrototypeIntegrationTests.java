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
	@WithUserDetails("explorer")
	void explorerSeesTheDemoPrototypes() {
		assertThat(this.mvc.get().uri("/prototypes")).hasStatusOk().bodyText().contains("Register a prototype");
		// Other tests add prototypes and the list is paged: find each demo prototype by
		// name.
		for (String name : java.util.List.of("Contract Risk Review", "Support Reply Drafts", "Claims Triage Agent")) {
			assertThat(this.mvc.get().uri("/prototypes").param("q", name)).hasStatusOk().bodyText().contains(name);
		}
	}

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
	@WithUserDetails("executive")
	void theListIsPagedSoThatItStaysFastWithManyPrototypes() {
		this.jdbc
			.sql("""
					insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
					select 'PAGED-' || n, 'Paged prototype ' || lpad(n::text, 2, '0'), 'p', 'Paging', e.id, d.id, 'PROTOTYPE'
					from generate_series(1, 27) n, app_user e, app_user d
					where e.username = 'explorer' and d.username = 'deliverer'""")
			.update();
		this.jdbc
			.sql("insert into stage_change (prototype_id, from_stage, to_stage, changed_at, reason)"
					+ " select id, null, 'PROTOTYPE', created_at, 'registered' from prototype where key like 'PAGED-%'")
			.update();
		assertThat(this.mvc.get().uri("/prototypes").param("q", "Paged prototype")).hasStatusOk()
			.bodyText()
			.contains("Paged prototype 01", "Paged prototype 25", "Page 1 of 2 (27 prototypes)")
			.doesNotContain("Paged prototype 26");
		assertThat(this.mvc.get().uri("/prototypes").param("q", "Paged prototype").param("page", "1")).hasStatusOk()
			.bodyText()
			.contains("Paged prototype 26", "Paged prototype 27", "Page 2 of 2")
			.doesNotContain("Paged prototype 25");
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
	void listFiltersByStageAndSearch() {
		assertThat(this.mvc.get().uri("/prototypes").param("q", "claims")).hasStatusOk()
			.bodyText()
			.contains("Claims Triage Agent")
			.doesNotContain("Contract Risk Review");
		assertThat(this.mvc.get().uri("/prototypes").param("stage", "PRODUCTION").param("q", "contract")).hasStatusOk()
			.bodyText()
			.doesNotContain("Contract Risk Review");
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
	void invalidInputIsShownNextToTheFieldAndNothingIsSaved() {
		assertThat(this.mvc.post()
			.uri("/prototypes/new")
			.with(csrf())
			.param("key", "bad key")
			.param("name", "")
			.param("problemStatement", "x")
			.param("vertical", "Retail")
			.param("explorationPmId", String.valueOf(userId("explorer")))
			.param("deliveryPmId", String.valueOf(userId("deliverer")))).hasStatusOk()
			.bodyText()
			.contains("Use 2 to 32 capital letters", "is-invalid");
		assertThat(this.portfolio.findByKey("bad key")).isEmpty();
	}

	@Test
	@WithUserDetails("explorer")
	void duplicateKeyIsRefusedWithAMessage() {
		assertThat(this.mvc.post()
			.uri("/prototypes/new")
			.with(csrf())
			.param("key", "CONTRACT-RISK")
			.param("name", "Again")
			.param("problemStatement", "Again")
			.param("vertical", "Legal")
			.param("explorationPmId", String.valueOf(userId("explorer")))
			.param("deliveryPmId", String.valueOf(userId("deliverer")))).hasStatusOk()
			.bodyText()
			.contains("The key CONTRACT-RISK is already taken.");
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
	@WithUserDetails("executive")
	void executivesReadButCannotCreateOrEdit() {
		assertThat(this.mvc.get().uri("/prototypes")).hasStatusOk().bodyText().doesNotContain("Register a prototype");
		assertThat(this.mvc.get().uri("/prototypes/CONTRACT-RISK")).hasStatusOk()
			.bodyText()
			.doesNotContain("Edit prototype");
		assertThat(this.mvc.post()
			.uri("/prototypes/new")
			.with(csrf())
			.param("key", "EXEC-TRY")
			.param("name", "n")
			.param("problemStatement", "p")
			.param("vertical", "v")
			.param("explorationPmId", "1")
			.param("deliveryPmId", "2")).hasStatus(403);
		assertThat(this.mvc.post().uri("/prototypes/CONTRACT-RISK/edit").with(csrf()).param("name", "Hijacked"))
			.hasStatus(403);
		assertThat(this.portfolio.findByKey("EXEC-TRY")).isEmpty();
	}

	@Test
	@WithUserDetails("labexplorer")
	void aPmWhoIsNotOnThePrototypeCannotEditIt() {
		PrototypeView contract = this.portfolio.get("CONTRACT-RISK");
		assertThat(this.mvc.get().uri("/prototypes/CONTRACT-RISK/edit")).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/prototypes/CONTRACT-RISK/edit")
			.with(csrf())
			.param("key", "CONTRACT-RISK")
			.param("name", "Taken over")
			.param("problemStatement", "p")
			.param("vertical", "v")
			.param("explorationPmId", String.valueOf(userId("labexplorer")))
			.param("deliveryPmId", String.valueOf(userId("deliverer")))
			.param("version", String.valueOf(contract.version()))).hasStatus(403);
		assertThat(this.portfolio.get("CONTRACT-RISK").name()).isEqualTo("Contract Risk Review");
	}

	@Test
	@WithUserDetails("deliverer")
	void aStaleEditGetsTheConflictPage() {
		PrototypeView sales = this.portfolio.get("SALES-COACH");
		assertThat(this.mvc.post()
			.uri("/prototypes/SALES-COACH/edit")
			.with(csrf())
			.param("key", "SALES-COACH")
			.param("name", sales.name())
			.param("problemStatement", sales.problemStatement())
			.param("vertical", sales.vertical())
			.param("explorationPmId", String.valueOf(sales.explorationPmId()))
			.param("deliveryPmId", String.valueOf(sales.deliveryPmId()))
			.param("version", String.valueOf(sales.version() - 1))).hasStatus(409)
			.bodyText()
			.contains("Someone else changed this");
	}

	@Test
	@WithUserDetails("explorer")
	void unknownPrototypeIsA404Page() {
		assertThat(this.mvc.get().uri("/prototypes/NOT-THERE")).hasStatus(404)
			.bodyText()
			.contains("There is no prototype NOT-THERE.");
	}

	@Test
	@WithUserDetails("explorer")
	void stageCannotBeOverPostedOrSkipped() {
		PrototypeView kyc = this.portfolio.findByKey("CONTRACT-RISK").orElseThrow();
		assertThat(kyc.stage()).isNotEqualTo(Stage.PRODUCTION);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.portfolio.advance(kyc.id(), Stage.PROTOTYPE, Stage.PRODUCTION,
					userId("explorer"), java.time.Instant.now(), "skip"))
			.isInstanceOf(io.dualgate.shared.RuleViolationException.class);
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

	private long userId(String username) {
		return this.jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
	}

}
