package io.dualgate.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dualgate.WebSliceTest;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.People;
import io.dualgate.people.Person;
import io.dualgate.people.ReportingLine;
import io.dualgate.people.Role;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.RuleViolationException;
import io.dualgate.web.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.dualgate.people.SignedIn.as;
import static io.dualgate.people.SignedIn.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The prototype pages as a browser sees them, without a database: form validation shown
 * next to each field, redirects with their flash message, and 404, 403 and 409 answers.
 * The rules behind them (keys, PM roles, stage history) are {@link Portfolio}'s and are
 * proven on PostgreSQL by {@code PrototypeIntegrationTests}.
 */
@WebSliceTest
class PrototypeControllerTests {

	static final AuthenticatedUser EXPLORER = person(11, "explorer", Role.EXPLORATION_PM);

	static final AuthenticatedUser STRANGER = person(13, "labexplorer", Role.EXPLORATION_PM);

	static final AuthenticatedUser EXECUTIVE = person(14, "executive", Role.EXECUTIVE);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	People people;

	@Autowired
	Portfolio portfolio;

	PrototypeView contract;

	@BeforeEach
	void aPrototypeOfExplorerAndDeliverer() {
		this.contract = new PrototypeView(1, "CONTRACT-RISK", "Contract Risk Review", "Lawyers read every clause.",
				"Legal tech", EXPLORER.id(), 12, Stage.PROTOTYPE, Instant.parse("2026-01-05T09:00:00Z"), 3,
				List.of(new StageHistoryEntry(null, Stage.PROTOTYPE, Instant.parse("2026-01-05T09:00:00Z"),
						EXPLORER.id(), "registered")));
		given(this.portfolio.get("CONTRACT-RISK")).willReturn(this.contract);
		given(this.people.byIds(any()))
			.willReturn(Map.of(EXPLORER.id(), pm(EXPLORER.id(), "Lin Wei"), 12L, pm(12, "Maria Santos")));
		given(this.people.activeWithRole(Role.EXPLORATION_PM)).willReturn(List.of(pm(EXPLORER.id(), "Lin Wei")));
		given(this.people.activeWithRole(Role.DELIVERY_PM)).willReturn(List.of(pm(12, "Maria Santos")));
	}

	@Test
	void invalidInputIsShownNextToEachFieldAndNothingIsRegistered() {
		MvcTestResult result = register("bad key", "", EXPLORER.id(), 12);
		assertThat(result).hasStatusOk().hasViewName("portfolio/form");
		String html = Html.of(result);
		assertThat(Html.fieldError(html, "key"))
			.isEqualTo("Use 2 to 32 capital letters, digits or dashes, starting with a letter (e.g. CONTRACT-RISK).");
		assertThat(Html.fieldError(html, "name")).isNotEmpty();
		assertThat(Html.markedInvalid(html, "key")).isTrue();
		assertThat(Html.fieldError(html, "vertical")).isEmpty();
		// what was typed stays in the form
		assertThat(html).contains("value=\"bad key\"");
		then(this.portfolio).should(never()).register(any(), anyLong());
	}

	@Test
	void aTakenKeyIsRefusedNextToTheKey() {
		given(this.portfolio.register(any(), eq(EXPLORER.id())))
			.willThrow(new RuleViolationException("prototype.key.taken", "CONTRACT-RISK"));
		MvcTestResult result = register("CONTRACT-RISK", "Again", EXPLORER.id(), 12);
		assertThat(result).hasStatusOk().hasViewName("portfolio/form");
		assertThat(Html.fieldError(Html.of(result), "key")).isEqualTo("The key CONTRACT-RISK is already taken.");
	}

	@Test
	void aDeliveryPmWithoutTheRoleIsRefusedNextToThatField() {
		given(this.portfolio.register(any(), anyLong()))
			.willThrow(new RuleViolationException("prototype.deliveryPm.invalid"));
		MvcTestResult result = register("WRONG-ROLE", "Wrong role", EXPLORER.id(), 14);
		assertThat(Html.fieldError(Html.of(result), "deliveryPmId"))
			.isEqualTo("Choose an active person who holds the Delivery PM role.");
		assertThat(Html.fieldError(Html.of(result), "key")).isEmpty();
	}

	@Test
	void aRegisteredPrototypeRedirectsToItsPageWithAFlashMessage() {
		given(this.portfolio.register(any(), eq(EXPLORER.id()))).willReturn(this.contract);
		assertThat(register("CONTRACT-RISK", "Contract Risk Review", EXPLORER.id(), 12))
			.hasRedirectedUrl("/prototypes/CONTRACT-RISK")
			.flash()
			.containsEntry("success", "flash.prototype.created")
			.containsEntry("successArg", "Contract Risk Review");
	}

	@Test
	void theFlashMessageIsShownOnThePageItLeadsTo() {
		assertThat(this.mvc.get()
			.uri("/prototypes/CONTRACT-RISK")
			.with(as(EXPLORER))
			.flashAttr("success", "flash.prototype.created")
			.flashAttr("successArg", "Contract Risk Review")).hasStatusOk()
			.bodyText()
			.contains("Registered Contract Risk Review.", "Lin Wei", "Maria Santos");
	}

	@Test
	void aKillWithoutAReasonGoesBackWithAnErrorAndKillsNothing() {
		assertThat(this.mvc.post()
			.uri("/prototypes/CONTRACT-RISK/kill")
			.with(as(EXPLORER))
			.with(csrf())
			.param("reason", "  ")).hasRedirectedUrl("/prototypes/CONTRACT-RISK")
			.flash()
			.containsEntry("error", "prototype.kill.reasonRequired");
		then(this.portfolio).should(never()).kill(anyString(), anyLong(), anyString());
	}

	@Test
	void aKillWithAReasonIsPassedOnStrippedAndConfirmed() {
		given(this.portfolio.kill("CONTRACT-RISK", EXPLORER.id(), "No customer would pay")).willReturn(this.contract);
		assertThat(this.mvc.post()
			.uri("/prototypes/CONTRACT-RISK/kill")
			.with(as(EXPLORER))
			.with(csrf())
			.param("reason", " No customer would pay ")).hasRedirectedUrl("/prototypes/CONTRACT-RISK")
			.flash()
			.containsEntry("success", "flash.prototype.killed");
	}

	@Test
	void anUnknownPrototypeIsA404PageNamingIt() {
		given(this.portfolio.get("NOT-THERE")).willThrow(new NotFoundException("prototype.notFound", "NOT-THERE"));
		assertThat(this.mvc.get().uri("/prototypes/NOT-THERE").with(as(EXPLORER))).hasStatus(404)
			.hasViewName("error/404")
			.bodyText()
			.contains("There is no prototype NOT-THERE.");
	}

	@Test
	void aPmOfAnotherPrototypeIsRefusedWith403AndChangesNothing() {
		assertThat(this.mvc.get().uri("/prototypes/CONTRACT-RISK/edit").with(as(STRANGER))).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/prototypes/CONTRACT-RISK/edit")
			.with(as(STRANGER))
			.with(csrf())
			.param("key", "CONTRACT-RISK")
			.param("name", "Taken over")
			.param("problemStatement", "p")
			.param("vertical", "v")
			.param("explorationPmId", String.valueOf(STRANGER.id()))
			.param("deliveryPmId", "12")
			.param("version", "3")).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/prototypes/CONTRACT-RISK/kill")
			.with(as(STRANGER))
			.with(csrf())
			.param("reason", "mine now")).hasStatus(403);
		then(this.portfolio).should(never()).describe(anyString(), any(), anyLong());
		then(this.portfolio).should(never()).kill(anyString(), anyLong(), anyString());
	}

	@Test
	void executivesReadButAreRefusedTheForms() {
		assertThat(this.mvc.get().uri("/prototypes/CONTRACT-RISK").with(as(EXECUTIVE))).hasStatusOk()
			.bodyText()
			.contains("Contract Risk Review")
			.doesNotContain("Edit prototype", "Kill this prototype");
		assertThat(this.mvc.get().uri("/prototypes/new").with(as(EXECUTIVE))).hasStatus(403);
		assertThat(register("EXEC-TRY", "n", 1, 2, EXECUTIVE)).hasStatus(403);
		then(this.portfolio).should(never()).register(any(), anyLong());
	}

	@Test
	void aStaleEditGetsTheConflictPage() {
		given(this.portfolio.describe(eq("CONTRACT-RISK"), any(), eq(EXPLORER.id())))
			.willThrow(new OptimisticLockingFailureException("version 2 is not 3"));
		assertThat(this.mvc.post()
			.uri("/prototypes/CONTRACT-RISK/edit")
			.with(as(EXPLORER))
			.with(csrf())
			.param("key", "CONTRACT-RISK")
			.param("name", "Contract Risk Review")
			.param("problemStatement", "Lawyers read every clause.")
			.param("vertical", "Legal tech")
			.param("explorationPmId", String.valueOf(EXPLORER.id()))
			.param("deliveryPmId", "12")
			.param("version", "2")).hasStatus(409)
			.hasViewName("error/409")
			.bodyText()
			.contains("Someone else changed this while you were editing.");
	}

	@Test
	void aFormPostWithoutCsrfTokenIsRefused() {
		assertThat(this.mvc.post().uri("/prototypes/CONTRACT-RISK/kill").with(as(EXPLORER)).param("reason", "x"))
			.hasStatus(403);
		then(this.portfolio).should(never()).kill(anyString(), anyLong(), anyString());
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() {
		assertThat(this.mvc.get().uri("/prototypes")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
	}

	@Test
	void theListShowsOnePageAndSaysHowManyThereAre() {
		given(this.portfolio.searchPage(null, "contract", 0, PrototypeController.PAGE_SIZE))
			.willReturn(new PageImpl<>(List.of(this.contract), PageRequest.of(0, PrototypeController.PAGE_SIZE), 26));
		assertThat(this.mvc.get().uri("/prototypes").param("q", "contract").with(as(EXPLORER))).hasStatusOk()
			.bodyText()
			.contains("Contract Risk Review", "Page 1 of 2 (26 prototypes)");
	}

	private MvcTestResult register(String key, String name, long explorationPm, long deliveryPm) {
		return register(key, name, explorationPm, deliveryPm, EXPLORER);
	}

	private MvcTestResult register(String key, String name, long explorationPm, long deliveryPm, AuthenticatedUser by) {
		return this.mvc.post()
			.uri("/prototypes/new")
			.with(as(by))
			.with(csrf())
			.param("key", key)
			.param("name", name)
			.param("problemStatement", "Onboarding analysts re-key passport data by hand.")
			.param("vertical", "Banking")
			.param("explorationPmId", String.valueOf(explorationPm))
			.param("deliveryPmId", String.valueOf(deliveryPm))
			.exchange();
	}

	private static Person pm(long id, String name) {
		return new Person(id, name.toLowerCase().replace(' ', '.'), name, name + "@example.com", ReportingLine.CPO,
				java.util.Set.of(Role.EXPLORATION_PM), true, "en", null);
	}

}
