package io.dualgate.security;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TRUST 23 and 24 where our handlers never run (issue 10, defect 7): every error answer
 * carries the security headers, and every {@code /api/} error is a problem detail in our
 * own words (a type, a code, no framework text), whoever produced it: Tomcat, the
 * firewall, the dispatcher or a handler.
 */
@IntegrationTest
class ErrorAnswersTests {

	@LocalServerPort
	int port;

	private String token;

	@BeforeEach
	void token() throws Exception {
		if (this.token == null) {
			String basic = Base64.getEncoder()
				.encodeToString("explorer:dualgate-demo".getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> answer = client().post("/api/v1/tokens", "application/json",
					HttpRequest.BodyPublishers.ofString("{}"), "Authorization", "Basic " + basic, "Accept",
					"application/json");
			Matcher matcher = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
			assertThat(matcher.find()).isTrue();
			this.token = matcher.group(1);
		}
	}

	@Test
	void aUrlTomcatCannotDecodeIsRefusedWithTheSecurityHeadersAndNoServerDetails() throws Exception {
		String answer = raw("GET /% HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400");
		assertSecurityHeaders(answer);
		assertThat(answer).doesNotContainIgnoringCase("tomcat").contains("The request could not be read");
	}

	@Test
	void anApiUrlTomcatCannotDecodeIsAProblemDetail() throws Exception {
		String answer = raw("GET /api/v1/gates/% HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json");
		assertSecurityHeaders(answer);
		assertThat(answer).contains("\"type\":\"urn:dualgate:problem:bad-request\"");
	}

	@Test
	void aPathTheFirewallRefusesIsRefusedWithTheSecurityHeaders() throws Exception {
		HttpResponse<String> page = client().get("//x");
		assertThat(page.statusCode()).isEqualTo(400);
		assertSecurityHeaders(page);
		assertThat(page.body()).contains("The request could not be read").doesNotContain("\"timestamp\"");

		HttpResponse<String> api = client().get("/api/v1//gates", "Authorization", "Bearer " + this.token, "Accept",
				"application/json");
		assertThat(api.statusCode()).isEqualTo(400);
		assertSecurityHeaders(api);
		assertProblem(api, "urn:dualgate:problem:bad-request", "api.request.malformed");
	}

	@Test
	void aMethodNoEndpointTakesIsA405ProblemNamingTheAllowedMethods() throws Exception {
		HttpResponse<String> answer = client().send("DELETE", "/api/v1/prototypes", null, null);
		assertThat(answer.statusCode()).isEqualTo(405);
		assertSecurityHeaders(answer);
		assertProblem(answer, "urn:dualgate:problem:method-not-allowed", "api.method.notAllowed");
		assertThat(answer.body()).contains("does not accept DELETE; it accepts GET");
		assertThat(answer.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET"));
	}

	@Test
	void aBodyOfAMediaTypeNoEndpointReadsIsA415Problem() throws Exception {
		HttpResponse<String> answer = client().send("POST", "/api/v1/observations", "application/xml", "<a/>");
		assertThat(answer.statusCode()).isEqualTo(415);
		assertProblem(answer, "urn:dualgate:problem:unsupported-media-type", "api.mediaType.unsupported");
		assertThat(answer.body()).contains("application/json").contains("text/csv");
	}

	@Test
	void aBodyOverTheLimitIsA413Problem() throws Exception {
		byte[] body = new byte[53 * 1024 * 1024];
		HttpResponse<String> answer = client().post("/api/v1/observations", "text/csv",
				HttpRequest.BodyPublishers.ofByteArray(body), "Authorization", "Bearer " + this.token, "Accept",
				"application/json");
		assertThat(answer.statusCode()).isEqualTo(413);
		assertSecurityHeaders(answer);
		assertProblem(answer, "urn:dualgate:problem:too-large", "api.tooLarge");
	}

	@Test
	void aParameterOfTheWrongTypeSaysHowToWriteIt() throws Exception {
		HttpResponse<String> answer = client().get("/api/v1/alignment?from=notadate", "Authorization",
				"Bearer " + this.token, "Accept", "application/json");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertProblem(answer, "urn:dualgate:problem:bad-request", "api.parameter.invalid");
		assertThat(answer.body()).contains("The parameter 'from' must be a date as YYYY-MM-DD (ISO 8601); 'notadate'")
			.doesNotContain("Failed to convert");
	}

	@Test
	void anOutOfRangeFilterIsAProblemListingTheParameter() throws Exception {
		HttpResponse<String> answer = client().get("/api/v1/alignment?lagWeeks=999", "Authorization",
				"Bearer " + this.token, "Accept", "application/json");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("\"field\":\"lagWeeks\"").contains("\"type\":\"urn:dualgate:problem:");
	}

	@Test
	void aMissingObjectIsNamedByItsIdWithoutThousandsSeparators() throws Exception {
		HttpResponse<String> answer = client().get("/api/v1/gates/9999999", "Authorization", "Bearer " + this.token,
				"Accept", "application/json");
		assertThat(answer.statusCode()).isEqualTo(404);
		assertProblem(answer, "urn:dualgate:problem:not-found", "gate.notFound");
		assertThat(answer.body()).contains("9999999").doesNotContain("9,999,999");
	}

	@Test
	void anUnknownEndpointIsA404Problem() throws Exception {
		HttpResponse<String> answer = client().get("/api/v1/no-such-thing", "Authorization", "Bearer " + this.token,
				"Accept", "application/json");
		assertThat(answer.statusCode()).isEqualTo(404);
		assertProblem(answer, "urn:dualgate:problem:not-found", "api.unknownPath");
	}

	private void assertProblem(HttpResponse<String> answer, String type, String code) {
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(answer.body()).contains("\"type\":\"" + type + "\"")
			.contains("\"code\":\"" + code + "\"")
			.doesNotContain("Exception")
			.doesNotContain("\"timestamp\"");
	}

	private static void assertSecurityHeaders(HttpResponse<String> answer) {
		assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline"));
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	private static void assertSecurityHeaders(String rawAnswer) {
		String headers = rawAnswer.substring(0, Math.max(0, rawAnswer.indexOf("\r\n\r\n"))).toLowerCase();
		assertThat(headers).contains("content-security-policy: default-src 'self'")
			.contains("x-content-type-options: nosniff")
			.contains("x-frame-options: deny");
	}

	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	private ApiClient client() {
		return new ApiClient("http://127.0.0.1:" + this.port, this.token);
	}

	/** {@link WebClient} plus requests with any method. */
	private static final class ApiClient {

		private final WebClient web;

		private final String base;

		private final String token;

		ApiClient(String base, String token) {
			this.web = new WebClient(base);
			this.base = base;
			this.token = token;
		}

		HttpResponse<String> get(String path, String... headers) throws Exception {
			return this.web.get(path, headers);
		}

		HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body, String... headers)
				throws Exception {
			return this.web.post(path, contentType, body, headers);
		}

		HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(this.base + path))
				.method(method,
						(body != null) ? HttpRequest.BodyPublishers.ofString(body)
								: HttpRequest.BodyPublishers.noBody())
				.header("Authorization", "Bearer " + this.token)
				.header("Accept", "application/json");
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
