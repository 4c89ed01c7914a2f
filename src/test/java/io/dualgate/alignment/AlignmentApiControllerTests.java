package io.dualgate.alignment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.dualgate.WebSliceTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.dualgate.people.SignedIn.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The alignment API's refusals without a database (issue 12, defect 7): a parameter that
 * cannot be read says which one and how to write it, a filter out of range says why, and
 * a missing pair is named without a thousands separator, all as problem details. The
 * figures themselves are proven on PostgreSQL by {@code AlignmentTests}.
 */
@WebSliceTest
class AlignmentApiControllerTests {

	static final AuthenticatedUser EXECUTIVE = person(4, "executive", Role.EXECUTIVE);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AlignmentDashboard dashboard;

	@BeforeEach
	void anExecutiveAndAClock() {
		given(this.tokens.authenticate("executive-token")).willReturn(Optional.of(EXECUTIVE));
		given(this.dashboard.clock()).willReturn(Clock.fixed(Instant.parse("2026-05-04T12:00:00Z"), ZoneOffset.UTC));
		given(this.dashboard.pairs()).willReturn(List.of());
	}

	@Test
	void aDateThatIsNotADateNamesTheParameterAndItsFormat() {
		MvcTestResult result = get("/api/v1/alignment?from=notadate");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:dualgate:problem:bad-request");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("from", "YYYY-MM-DD");
		assertThat(result).bodyJson().extractingPath("$.code").isNotNull();
		then(this.dashboard).should(never()).report(any(), anyBoolean());
	}

	@Test
	void aFilterOutOfRangeSaysWhyAndNamesTheParameter() {
		MvcTestResult result = get("/api/v1/alignment?from=2026-05-01&to=2026-01-01");
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The start of the window (2026-05-01) must not be after its end (2026-01-01).");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
		assertThat(get("/api/v1/alignment?lagWeeks=27")).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The lag must be between 0 and 26 weeks.");
	}

	@Test
	void aMissingPairIsNamedWithoutAThousandsSeparator() {
		MvcTestResult result = get("/api/v1/alignment/pairs/999999/points");
		assertThat(result).hasStatus(404);
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("There is no alignment pair 999999.");
	}

	@Test
	void withoutATokenTheAnswerIs401() {
		assertThat(this.mvc.get().uri("/api/v1/alignment")).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer executive-token").exchange();
	}

}
