package io.dualgate.gate.api;

import java.util.List;
import java.util.Optional;

import io.dualgate.WebSliceTest;
import io.dualgate.gate.GateStatus;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.SampleGates;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.Answer;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.Role;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.NotPermittedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.dualgate.people.SignedIn.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;

/**
 * The gate API without a database: JSON for reads, a bearer token for everything, and
 * every refusal as RFC 9457 problem details with its type, status and a message naming
 * what was wrong. Which tracks a token's owner may answer is {@link Gates}' rule, proven
 * on PostgreSQL by {@code GateApiTests} and {@code GateOwnershipTests}.
 */
@WebSliceTest
class GateApiControllerTests {

	static final AuthenticatedUser EXPLORER = person(SampleGates.EXPLORER_ID, "explorer", Role.EXPLORATION_PM);

	static final AuthenticatedUser EXECUTIVE = person(4, "executive", Role.EXECUTIVE);

	static final AuthenticatedUser STRANGER = person(5, "labexplorer", Role.EXPLORATION_PM);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Gates gates;

	GateView gate;

	@BeforeEach
	void tokensAndGate42() {
		given(this.tokens.authenticate("explorer-token")).willReturn(Optional.of(EXPLORER));
		given(this.tokens.authenticate("executive-token")).willReturn(Optional.of(EXECUTIVE));
		given(this.tokens.authenticate("stranger-token")).willReturn(Optional.of(STRANGER));
		this.gate = SampleGates.technicalApproved();
		given(this.gates.get(42)).willReturn(this.gate);
		given(this.gates.get(999999)).willThrow(new NotFoundException("gate.notFound", 999999L));
		willThrow(new NotPermittedException("gate.notYours")).given(this.gates)
			.requireMayAnswer(eq(42L), any(), eq(STRANGER.id()));
	}

	@Test
	void aGateReadsAsJsonWithItsSignatures() {
		MvcTestResult result = get("/api/v1/gates/42", "executive-token");
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.prototypeKey").isEqualTo("CONTRACT-RISK");
		assertThat(result).bodyJson().extractingPath("$.technical.validSignature.signerName").isEqualTo("Lin Wei");
		assertThat(result).bodyJson().extractingPath("$.technical.validSignature.meaning").isEqualTo("APPROVE");
		assertThat(result).bodyJson().extractingPath("$.commercial.validSignature").isNull();
	}

	@Test
	void theListIsFilteredByTheStatusAsked() {
		given(this.gates.list(GateStatus.OPEN)).willReturn(List.of(this.gate));
		MvcTestResult result = get("/api/v1/gates?status=OPEN", "executive-token");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[*].id").asArray().containsExactly(42);
		MvcTestResult bad = get("/api/v1/gates?status=SIDEWAYS", "executive-token");
		assertThat(bad).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(bad).bodyJson().extractingPath("$.type").isEqualTo("urn:dualgate:problem:bad-request");
	}

	@Test
	void withoutAValidTokenTheAnswerIs401ProblemDetails() {
		MvcTestResult result = get("/api/v1/gates/42", "no-such-token");
		assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("API token");
		assertThat(this.mvc.get().uri("/api/v1/gates/42")).hasStatus(401);
	}

	@Test
	void anUnknownGateIs404ProblemDetailsNamingIt() {
		MvcTestResult result = get("/api/v1/gates/999999", "explorer-token");
		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:dualgate:problem:not-found");
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Gate 999999 does not exist.");
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("gate.notFound");
	}

	@Test
	void anUnknownTrackIs404NamingTheTracksThereAre() {
		MvcTestResult result = put("SIDEWAYS", "availability_pct", "{\"value\": 99.97}", "explorer-token");
		assertThat(result).hasStatus(404);
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("There is no track SIDEWAYS; use TECHNICAL or COMMERCIAL.");
	}

	@Test
	void aValueThatIsNotANumberIs422AndNothingIsAnswered() {
		MvcTestResult result = put("TECHNICAL", "availability_pct", "{\"value\": \"lots\"}", "explorer-token");
		assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:dualgate:problem:invalid-input");
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("number.notNumeric");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("lots");
		then(this.gates).should(never()).answer(anyLong(), any(), any(), any(), any(), anyLong(), any());
	}

	@Test
	void aBodyThatIsNotJsonIs400ProblemDetails() {
		MvcTestResult result = put("TECHNICAL", "availability_pct", "{\"value\": ", "explorer-token");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:dualgate:problem:bad-request");
	}

	@Test
	void anExecutiveIsRefusedBeforeTheBodyIsRead() {
		MvcTestResult result = put("TECHNICAL", "availability_pct", "{\"value\": \"lots\"}", "executive-token");
		assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:dualgate:problem:forbidden");
		then(this.gates).should(never()).answer(anyLong(), any(), any(), any(), any(), anyLong(), any());
	}

	@Test
	void aStrangerWithTheRoleIs403AndNothingIsAnswered() {
		MvcTestResult result = put("TECHNICAL", "availability_pct", "{\"value\": 99.97}", "stranger-token");
		assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.gates).should(never()).answer(anyLong(), any(), any(), any(), any(), anyLong(), any());
	}

	@Test
	void aNumberIsAnsweredAsThePipelinesValueAndTheGateComesBack() {
		given(this.gates.answer(eq(42L), eq(Track.TECHNICAL), eq("availability_pct"), any(), any(), eq(EXPLORER.id()),
				eq("API")))
			.willReturn(this.gate);
		MvcTestResult result = put("TECHNICAL", "availability_pct", "{\"value\": 99.97}", "explorer-token");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(42);
		ArgumentCaptor<Answer> answer = ArgumentCaptor.forClass(Answer.class);
		then(this.gates).should()
			.answer(eq(42L), eq(Track.TECHNICAL), eq("availability_pct"), answer.capture(), any(), eq(EXPLORER.id()),
					eq("API"));
		assertThat(answer.getValue().value()).isEqualByComparingTo("99.97");
	}

	private MvcTestResult get(String uri, String token) {
		return this.mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	private MvcTestResult put(String track, String code, String body, String token) {
		return this.mvc.put()
			.uri("/api/v1/gates/42/tracks/{t}/items/{c}", track, code)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
