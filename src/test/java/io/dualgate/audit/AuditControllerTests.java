package io.dualgate.audit;

import java.util.List;
import java.util.Optional;

import io.dualgate.WebSliceTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.dualgate.people.SignedIn.as;
import static io.dualgate.people.SignedIn.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The audit trail's page and API without a database: admins read and verify the chain, a
 * broken chain names its first broken row, executives verify through the API, everyone
 * else is refused. The chain itself is proven on PostgreSQL by
 * {@code AuditTrailIntegrationTests} and {@code AuditEventTableTests}.
 */
@WebSliceTest
class AuditControllerTests {

	static final AuthenticatedUser ADMIN = person(1, "admin", Role.ADMIN);

	static final AuthenticatedUser EXPLORER = person(2, "explorer", Role.EXPLORATION_PM);

	static final AuthenticatedUser EXECUTIVE = person(4, "executive", Role.EXECUTIVE);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditTrail trail;

	@Autowired
	ApiTokens tokens;

	@Test
	void anAdminVerifiesAnIntactChain() {
		given(this.trail.page(any(), anyInt(), anyInt())).willReturn(new AuditTrail.AuditPage(List.of(), 0, 0, 50));
		given(this.trail.verify()).willReturn(new AuditVerification(42, true, null, "ab12"));
		assertThat(this.mvc.get().uri("/admin/audit/verify").with(as(ADMIN))).hasStatusOk()
			.bodyText()
			.contains("The chain is intact");
	}

	@Test
	void aBrokenChainNamesItsFirstBrokenRow() {
		given(this.trail.page(any(), anyInt(), anyInt())).willReturn(new AuditTrail.AuditPage(List.of(), 0, 0, 50));
		given(this.trail.verify()).willReturn(new AuditVerification(42, false, 17L, "ab12"));
		given(this.tokens.authenticate("executive-token")).willReturn(Optional.of(EXECUTIVE));
		MvcTestResult api = this.mvc.get()
			.uri("/api/v1/audit/verify")
			.header(HttpHeaders.AUTHORIZATION, "Bearer executive-token")
			.exchange();
		assertThat(api).hasStatusOk();
		assertThat(api).bodyJson().extractingPath("$.intact").isEqualTo(false);
		assertThat(api).bodyJson().extractingPath("$.firstBrokenSeq").isEqualTo(17);
		assertThat(this.mvc.get().uri("/admin/audit/verify").with(as(ADMIN))).bodyText()
			.doesNotContain("The chain is intact")
			.contains("The chain is broken: 42 events checked, the first broken one is #17.");
	}

	@Test
	void onlyAdminsSeeThePageAndOnlyAdminsAndExecutivesVerifyThroughTheApi() {
		assertThat(this.mvc.get().uri("/admin/audit").with(as(EXPLORER))).hasStatus(403);
		given(this.tokens.authenticate("explorer-token")).willReturn(Optional.of(EXPLORER));
		assertThat(
				this.mvc.get().uri("/api/v1/audit/verify").header(HttpHeaders.AUTHORIZATION, "Bearer explorer-token"))
			.hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.trail).should(never()).verify();
	}

}
