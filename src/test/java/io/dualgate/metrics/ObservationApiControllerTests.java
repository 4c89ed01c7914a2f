package io.dualgate.metrics;

import java.util.List;
import java.util.Optional;

import io.dualgate.WebSliceTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.Role;
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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The observation API without a database: a JSON array in, all or nothing; what is wrong
 * with the body as a whole is a 400, what is wrong with its elements a 422 listing each
 * one by index; only PMs and admins record. Validation of the values themselves and who
 * may record for which prototype are {@link Metrics}' rules, proven on PostgreSQL by
 * {@code ObservationImportTests}.
 */
@WebSliceTest
class ObservationApiControllerTests {

	static final AuthenticatedUser EXPLORER = person(2, "explorer", Role.EXPLORATION_PM);

	static final AuthenticatedUser EXECUTIVE = person(4, "executive", Role.EXECUTIVE);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Metrics metrics;

	@BeforeEach
	void tokens() {
		given(this.tokens.authenticate("explorer-token")).willReturn(Optional.of(EXPLORER));
		given(this.tokens.authenticate("executive-token")).willReturn(Optional.of(EXECUTIVE));
	}

	@Test
	void anArrayOfObservationsIsRecordedAsOneAndCounted() {
		given(this.metrics.recordAll(any(), eq(ObservationSource.API), eq(EXPLORER))).willReturn(2L);
		MvcTestResult result = post("""
				[{"prototype": "CONTRACT-RISK", "metric": "nps", "date": "2026-05-01", "value": 41.5},
				 {"prototype": "CONTRACT-RISK", "metric": "nps", "date": "2026-05-02", "value": "42"}]""",
				"explorer-token");
		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(2);
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<Metrics.RawObservationInput>> inputs = ArgumentCaptor.forClass(List.class);
		then(this.metrics).should().recordAll(inputs.capture(), eq(ObservationSource.API), eq(EXPLORER));
		assertThat(inputs.getValue()).extracting(Metrics.RawObservationInput::value).containsExactly("41.5", "42");
	}

	@Test
	void aBodyThatIsNotAnArrayIs400NamingWhatToSend() {
		MvcTestResult result = post("{\"prototype\": \"CONTRACT-RISK\"}", "explorer-token");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Send a JSON array of observations.");
		then(this.metrics).should(never()).recordAll(any(), any(), any());
	}

	@Test
	void elementsThatAreNotObjectsAre422ListedByIndexAndNothingIsRecorded() {
		MvcTestResult result = post("[{\"prototype\": \"CONTRACT-RISK\"}, 7, \"x\"]", "explorer-token");
		assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errorCount").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.errors[*].index").asArray().containsExactly(1, 2);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("Each element must be an object with prototype, metric, date and value.");
		then(this.metrics).should(never()).recordAll(any(), any(), any());
	}

	@Test
	void anExecutiveReadsButNeverRecords() {
		assertThat(post("[]", "executive-token")).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.metrics).should(never()).recordAll(any(), any(), any());
		given(this.metrics.observations("CONTRACT-RISK", "nps", null, null)).willReturn(List.of());
		assertThat(this.mvc.get()
			.uri("/api/v1/prototypes/CONTRACT-RISK/observations?metric= nps ")
			.header(HttpHeaders.AUTHORIZATION, "Bearer executive-token")).hasStatusOk();
		then(this.metrics).should().observations("CONTRACT-RISK", "nps", null, null);
	}

	@Test
	void aDateThatIsNotADateIs400ProblemDetails() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/prototypes/CONTRACT-RISK/observations?from=yesterday")
			.header(HttpHeaders.AUTHORIZATION, "Bearer executive-token")
			.exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("from");
	}

	private MvcTestResult post(String json, String token) {
		return this.mvc.post()
			.uri("/api/v1/observations")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

}
