package io.dualgate.people;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.dualgate.WebSliceTest;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.RuleViolationException;
import io.dualgate.web.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.dualgate.people.SignedIn.as;
import static io.dualgate.people.SignedIn.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The people administration pages without a database: admins only, every field's message
 * next to it, usernames never changed by a request, and the answers of
 * {@link UserAdministration}'s rules shown where they belong. The rules run on PostgreSQL
 * in {@code UserAdministrationIntegrationTests} and {@code UserAccountRepositoryTests}.
 */
@WebSliceTest
class UserAdminControllerTests {

	static final AuthenticatedUser ADMIN = person(1, "admin", Role.ADMIN);

	static final AuthenticatedUser EXPLORER = person(2, "explorer", Role.EXPLORATION_PM);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAdministration administration;

	UserAccount grace;

	@BeforeEach
	void oneAccount() {
		this.grace = new UserAccount("executive", "Grace Okafor", "grace@example.com", "hash", ReportingLine.OTHER,
				Set.of(Role.EXECUTIVE), Instant.parse("2026-01-01T00:00:00Z"));
		ReflectionTestUtils.setField(this.grace, "id", 7L);
		given(this.administration.all()).willReturn(List.of(this.grace));
		given(this.administration.get(7)).willReturn(this.grace);
		given(this.administration.get(999999)).willThrow(new NotFoundException("person.notFound", 999999L));
	}

	@Test
	void onlyAdminsSeeOrChangePeople() {
		assertThat(this.mvc.get().uri("/admin/users").with(as(EXPLORER))).hasStatus(403);
		assertThat(this.mvc.post().uri("/admin/users/7/deactivate").with(as(EXPLORER)).with(csrf())).hasStatus(403);
		then(this.administration).should(never()).setActive(anyLong(), anyBoolean(), anyLong());
		assertThat(this.mvc.get().uri("/admin/users").with(as(ADMIN))).hasStatusOk()
			.bodyText()
			.contains("Grace Okafor");
	}

	@Test
	void anInvalidNewPersonIsShownAgainWithAMessageNextToEachField() {
		MvcTestResult result = create("x", "Ada", "not-an-email", null, "a-long-enough-secret");
		assertThat(result).hasStatusOk().hasViewName("people/user-form");
		String html = Html.of(result);
		assertThat(Html.fieldError(html, "username"))
			.isEqualTo("Use 3 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.");
		assertThat(Html.fieldError(html, "email")).isEqualTo("Enter an email address such as name@example.com.");
		assertThat(Html.fieldError(html, "roles")).isEqualTo("Please choose at least one.");
		assertThat(Html.fieldError(html, "fullName")).isEmpty();
		then(this.administration).should(never()).create(any());
	}

	@Test
	void aTakenUsernameIsExplainedNextToTheUsername() {
		given(this.administration.create(any())).willThrow(new RuleViolationException("user.username.taken"));
		MvcTestResult result = create("EXPLORER", "Impostor", "x@example.com", "EXPLORATION_PM",
				"a-long-enough-secret");
		assertThat(Html.fieldError(Html.of(result), "username"))
			.isEqualTo("This username is taken, or was used before: usernames are never reused.");
	}

	@Test
	void aShortPasswordIsExplainedNextToThePassword() {
		given(this.administration.create(any())).willThrow(new RuleViolationException("password.tooShort"));
		MvcTestResult result = create("shorty", "Short Password", "s@example.com", "EXECUTIVE", "elevenchars");
		assertThat(Html.fieldError(Html.of(result), "password"))
			.isEqualTo("The password must have at least 12 characters.");
		assertThat(Html.fieldError(Html.of(result), "username")).isEmpty();
	}

	@Test
	void aNewPersonRedirectsToTheListWithTheirName() {
		UserAccount ada = new UserAccount("new.explorer", "Ada Newcomer", "ada@example.com", "hash", ReportingLine.CPO,
				Set.of(Role.EXPLORATION_PM), Instant.now());
		given(this.administration.create(any())).willReturn(ada);
		assertThat(create("new.explorer", "Ada Newcomer", "ada@example.com", "EXPLORATION_PM", "a-long-enough-secret"))
			.hasRedirectedUrl("/admin/users")
			.flash()
			.containsEntry("success", "flash.user.created")
			.containsEntry("successArg", "new.explorer");
	}

	@Test
	void anEditNeverChangesTheUsernameWhateverTheRequestSays() {
		assertThat(this.mvc.post()
			.uri("/admin/users/7/edit")
			.with(as(ADMIN))
			.with(csrf())
			.param("username", "boss")
			.param("fullName", "Grace O.")
			.param("email", "grace@example.com")
			.param("reportingLine", "OTHER")
			.param("roles", "EXECUTIVE")
			.param("version", "0")).hasRedirectedUrl("/admin/users").flash().containsEntry("successArg", "executive");
		ArgumentCaptor<UserForm> saved = ArgumentCaptor.forClass(UserForm.class);
		then(this.administration).should().update(eq(7L), saved.capture());
		assertThat(saved.getValue().username()).isEqualTo("executive");
		assertThat(saved.getValue().fullName()).isEqualTo("Grace O.");
	}

	@Test
	void anAdminCannotDeactivateThemself() {
		willThrow(new RuleViolationException("user.deactivate.self")).given(this.administration).setActive(1, false, 1);
		assertThat(this.mvc.post().uri("/admin/users/1/deactivate").with(as(ADMIN)).with(csrf()))
			.hasRedirectedUrl("/admin/users")
			.flash()
			.containsEntry("error", "user.deactivate.self");
	}

	@Test
	void anUnknownPersonIsA404Page() {
		assertThat(this.mvc.get().uri("/admin/users/999999/edit").with(as(ADMIN))).hasStatus(404)
			.bodyText()
			.contains("There is no person 999999.");
	}

	private MvcTestResult create(String username, String fullName, String email, String role, String password) {
		var request = this.mvc.post()
			.uri("/admin/users/new")
			.with(as(ADMIN))
			.with(csrf())
			.param("username", username)
			.param("fullName", fullName)
			.param("email", email)
			.param("reportingLine", "CPO")
			.param("password", password);
		if (role != null) {
			request.param("roles", role);
		}
		return request.exchange();
	}

}
