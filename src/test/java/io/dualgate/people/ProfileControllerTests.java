package io.dualgate.people;

import java.util.List;
import java.util.Set;

import io.dualgate.WebSliceTest;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.RuleViolationException;
import io.dualgate.web.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
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
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * One's own profile without a database: a refused password change or delegation says why
 * next to the field, a successful password change keeps the person signed in under a new
 * session id, and a new API token is shown once.
 */
@WebSliceTest
class ProfileControllerTests {

	static final AuthenticatedUser EXPLORER = person(2, "explorer", Role.EXPLORATION_PM);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	People people;

	@Autowired
	UserAdministration administration;

	@Autowired
	Delegations delegations;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AccountDetailsService details;

	@BeforeEach
	void explorer() {
		given(this.people.get(EXPLORER.id())).willReturn(new Person(EXPLORER.id(), "explorer", "Lin Wei",
				"lin@example.com", ReportingLine.CPO, Set.of(Role.EXPLORATION_PM), true, "en", null));
		given(this.tokens.listFor(EXPLORER.id())).willReturn(List.of());
		given(this.delegations.involving(EXPLORER.id())).willReturn(List.of());
	}

	@Test
	void theProfileShowsThePersonAndTheirForms() {
		assertThat(this.mvc.get().uri("/profile").with(as(EXPLORER))).hasStatusOk()
			.bodyText()
			.contains("Lin Wei", "Change password", "API tokens");
	}

	@Test
	void aWrongCurrentPasswordIsExplainedNextToItAndNothingChanges() {
		willThrow(new RuleViolationException("password.currentWrong")).given(this.administration)
			.changeOwnPassword(eq(EXPLORER.id()), any(), anyString());
		MvcTestResult result = changePassword("not-mine", "a-new-long-passphrase", "a-new-long-passphrase");
		assertThat(result).hasStatusOk().hasViewName("people/profile");
		assertThat(Html.fieldError(Html.of(result), "currentPassword"))
			.isEqualTo("The current password is not correct.");
		assertThat(Html.fieldError(Html.of(result), "newPassword")).isEmpty();
	}

	@Test
	void twoDifferentNewPasswordsAreExplainedNextToTheSecond() {
		willThrow(new RuleViolationException("password.mismatch")).given(this.administration)
			.changeOwnPassword(eq(EXPLORER.id()), any(), anyString());
		MvcTestResult result = changePassword("dualgate-demo", "a-new-long-passphrase", "another-long-passphrase");
		assertThat(Html.fieldError(Html.of(result), "confirmPassword")).isEqualTo("The two new passwords differ.");
	}

	@Test
	void anEmptyCurrentPasswordNeverReachesTheService() {
		MvcTestResult result = changePassword("", "a-new-long-passphrase", "a-new-long-passphrase");
		assertThat(Html.fieldError(Html.of(result), "currentPassword")).isEqualTo("Please fill this in.");
		then(this.administration).should(never()).changeOwnPassword(anyLong(), any(), anyString());
	}

	@Test
	void aChangedPasswordKeepsThePersonSignedInUnderANewSessionId() {
		given(this.details.loadUserByUsername("explorer")).willReturn(EXPLORER);
		MockHttpSession session = new MockHttpSession();
		String before = session.getId();
		MvcTestResult result = this.mvc.post()
			.uri("/profile/password")
			.session(session)
			.with(as(EXPLORER))
			.with(csrf())
			.param("currentPassword", "dualgate-demo")
			.param("newPassword", "a-new-long-passphrase")
			.param("confirmPassword", "a-new-long-passphrase")
			.exchange();
		assertThat(result).hasRedirectedUrl("/profile")
			.flash()
			.containsEntry("success", "flash.password.changedTokensRevoked");
		assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
		then(this.administration).should().changeOwnPassword(eq(EXPLORER.id()), any(), eq(before));
	}

	@Test
	void aDelegationTheRulesRefuseIsExplainedNextToTheField() {
		given(this.delegations.grant(any(), eq(EXPLORER.id())))
			.willThrow(new InvalidFieldException("delegate", "delegation.delegate.unknown"));
		MvcTestResult result = this.mvc.post()
			.uri("/profile/delegations")
			.with(as(EXPLORER))
			.with(csrf())
			.param("track", "TECHNICAL")
			.param("delegate", "nobody")
			.param("until", "2026-05-10T12:00")
			.param("reason", "holiday")
			.exchange();
		assertThat(result).hasStatusOk().hasViewName("people/profile");
		assertThat(Html.fieldError(Html.of(result), "delegate")).isEqualTo("There is no person with that username.");
	}

	@Test
	void aDelegationWithoutAnEndOrReasonNeverReachesTheRules() {
		MvcTestResult result = this.mvc.post()
			.uri("/profile/delegations")
			.with(as(EXPLORER))
			.with(csrf())
			.param("track", "TECHNICAL")
			.param("delegate", "labexplorer")
			.exchange();
		assertThat(Html.fieldError(Html.of(result), "until")).isEqualTo("Give the end of the period.");
		assertThat(Html.fieldError(Html.of(result), "reason")).isNotEmpty();
		then(this.delegations).should(never()).grant(any(), anyLong());
	}

	@Test
	void aNewTokenIsHandedOverOnceInTheFlash() {
		given(this.tokens.create(EXPLORER.id(), "pipeline")).willReturn("dg_secret");
		assertThat(this.mvc.post().uri("/profile/tokens").with(as(EXPLORER)).with(csrf()).param("name", "pipeline"))
			.hasRedirectedUrl("/profile")
			.flash()
			.containsEntry("newToken", "dg_secret");
	}

	private MvcTestResult changePassword(String current, String next, String confirm) {
		return this.mvc.post()
			.uri("/profile/password")
			.with(as(EXPLORER))
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("confirmPassword", confirm)
			.exchange();
	}

}
