package io.dualgate.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document equals {@code docs/openapi.json} in the repository, so an
 * API change shows in review. After a deliberate change, regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTests -Dopenapi.write=true} and commit it.
 */
@IntegrationTest
class OpenApiDocumentTests {

	static final Path COMMITTED = Path.of("docs", "openapi.json");

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Autowired
	MockMvcTester mvc;

	@Test
	@WithUserDetails("explorer")
	void theServedDocumentIsTheCommittedOne() throws IOException {
		String served = canonical(fetch("/v3/api-docs"));
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
		}
		assertThat(Files.exists(COMMITTED)).as("%s exists: create it with %s", COMMITTED, regenerate()).isTrue();
		assertThat(served).as("the API changed: if you meant it, run %s and commit %s", regenerate(), COMMITTED)
			.isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
	}

	@Test
	@WithUserDetails("executive")
	void everyOperationDocumentsItsProblemsAndTheBearerSchemeIsDeclared() throws IOException {
		Map<?, ?> document = this.json.readValue(fetch("/v3/api-docs"), Map.class);
		Map<?, ?> schemes = (Map<?, ?>) ((Map<?, ?>) document.get("components")).get("securitySchemes");
		assertThat(schemes.get("bearer")).isEqualTo(Map.of("type", "http", "scheme", "bearer", "description",
				"A personal API token (dg_...), from POST /api/v1/tokens or the profile page"));
		Map<?, ?> paths = (Map<?, ?>) document.get("paths");
		assertThat(paths.keySet().stream().map(String::valueOf).toList()).contains("/api/v1/alignment",
				"/api/v1/gates/{id}", "/api/v1/observations", "/api/v1/tokens");
		assertThat(paths.keySet()).allSatisfy((path) -> assertThat((String) path).startsWith("/api/"));
		List<String> missing = new ArrayList<>();
		paths.forEach((path, item) -> ((Map<?, ?>) item).forEach((method, operation) -> {
			Map<?, ?> responses = (Map<?, ?>) ((Map<?, ?>) operation).get("responses");
			for (String status : List.of("401", "503")) {
				Map<?, ?> response = (Map<?, ?>) responses.get(status);
				if (response == null
						|| !((Map<?, ?>) response.get("content")).containsKey("application/problem+json")) {
					missing.add(method + " " + path + " " + status);
				}
			}
			if (((String) path).contains("{") && !responses.containsKey("404")) {
				missing.add(method + " " + path + " 404");
			}
		}));
		assertThat(missing).as("operations without their problem responses").isEmpty();
	}

	@Test
	@WithUserDetails("deliverer")
	void swaggerUiIsServedToAnyoneSignedIn() {
		assertThat(this.mvc.get().uri("/swagger-ui.html")).hasStatus3xxRedirection()
			.redirectedUrl()
			.contains("/swagger-ui/index.html");
		assertThat(this.mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
	}

	@Test
	void anonymousIsAskedToSignIn() {
		assertThat(this.mvc.get().uri("/v3/api-docs")).hasStatus3xxRedirection().redirectedUrl().contains("/login");
	}

	private String fetch(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	/** Pretty-printed with every object's keys sorted, ending in a newline. */
	private String canonical(String document) {
		Object tree = this.json.readValue(document, Object.class);
		return this.json.writeValueAsString(sorted(tree)) + "\n";
	}

	private static Object sorted(Object node) {
		if (node instanceof Map<?, ?> map) {
			Map<String, Object> result = new TreeMap<>();
			map.forEach((key, value) -> result.put(String.valueOf(key), sorted(value)));
			return result;
		}
		if (node instanceof List<?> list) {
			return list.stream().map(OpenApiDocumentTests::sorted).toList();
		}
		return node;
	}

	private static String regenerate() {
		return "./mvnw test -Dtest=OpenApiDocumentTests -Dopenapi.write=true";
	}

}
