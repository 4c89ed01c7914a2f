package io.dualgate.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The OpenAPI document of the token API ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}, both for anyone signed in to the browser): the endpoints come
 * from the controllers; here the bearer scheme, the problem details every endpoint can
 * answer, and a stable shape (relative server, sorted paths) so that the committed
 * {@code docs/openapi.json} changes only when the API does.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	static final String BASIC = "basic";

	static final String PROBLEM = "Problem";

	static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

	/**
	 * The one inline style Swagger UI 5.32 injects (a {@code <style>} element from its
	 * bundle), allowed by its hash on Swagger UI's pages only. A new Swagger UI version
	 * with another style shows as a CSP violation in
	 * {@code ApiDocumentationJourneyTests}; the browser's message names the new hash.
	 */
	static final String SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

	/**
	 * The application's Content-Security-Policy, with Swagger UI's one inline style
	 * allowed on {@code /swagger-ui/**} (scripts stay {@code 'self'} everywhere).
	 */
	static HeaderWriter contentSecurityPolicy(String policy) {
		RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
		String swaggerPolicy = policy.replace("style-src 'self';", "style-src 'self' " + SWAGGER_UI_STYLE_HASH + ";");
		HeaderWriter everywhere = new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
				new ContentSecurityPolicyHeaderWriter(policy));
		HeaderWriter onSwaggerUi = new DelegatingRequestMatcherHeaderWriter(swaggerUi,
				new ContentSecurityPolicyHeaderWriter(swaggerPolicy));
		return (request, response) -> {
			everywhere.writeHeaders(request, response);
			onSwaggerUi.writeHeaders(request, response);
		};
	}

	@Bean
	OpenAPI dualGateOpenApi() {
		return new OpenAPI()
			.info(new Info().title("DualGate API")
				.version("v1")
				.description("""
						Dual-track PM stage gating for AI prototypes: prototypes, gates, observations, \
						the alignment dashboard's figures and the audit chain. Every call under /api/v1 \
						takes `Authorization: Bearer <token>`; get a token with HTTP Basic from \
						`POST /api/v1/tokens` (shown once) or on your profile page. A token acts with its \
						owner's current roles. Errors are RFC 9457 problem details \
						(`application/problem+json`). Signing a gate stays a human act in the browser.""")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.servers(List.of(new Server().url("/").description("this DualGate")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A personal API token (dg_...), from POST /api/v1/tokens or the profile page"))
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("Username and password: only to create a token"))
				.addSchemas(PROBLEM, problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/** RFC 9457 problem details as DualGate writes them. */
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type",
				new StringSchema().description("A URI naming the kind of problem (about:blank: see the status)"));
		properties.put("title", new StringSchema().description("The status in words, e.g. Not Found"));
		properties.put("status", new IntegerSchema().description("The HTTP status"));
		properties.put("detail", new StringSchema().description("What went wrong, for a person"));
		properties.put("instance", new StringSchema().description("The path that was called"));
		properties.put("code", new StringSchema().description("A stable message code, e.g. alignment.filter.lag"));
		properties.put("errors",
				new Schema<>().type("array")
					.description("422 and 400 of an import: every bad cell (line or index, field, message)")
					.items(new ObjectSchema()));
		return new ObjectSchema().description("RFC 9457 problem details").properties(properties);
	}

	/** The problem details each kind of endpoint can answer, added to every operation. */
	@Bean
	OpenApiCustomizer problemResponsesAndStableOrder() {
		return (openApi) -> {
			Paths sorted = new Paths();
			new TreeMap<>(openApi.getPaths()).forEach((path, item) -> {
				for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
					document(path, entry.getKey(), entry.getValue());
				}
				sorted.addPathItem(path, item);
			});
			openApi.setPaths(sorted);
			// tags are set per operation from its path (see tag): no class names
			openApi.setTags(null);
		};
	}

	private static void document(String path, PathItem.HttpMethod method, Operation operation) {
		// grouped by what they are about, not by which controller class serves them
		operation.setTags(List.of(tag(path)));
		ApiResponses responses = operation.getResponses();
		boolean tokenIssuing = path.equals("/api/v1/tokens") && method == PathItem.HttpMethod.POST;
		if (tokenIssuing) {
			operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
		}
		boolean writes = method != PathItem.HttpMethod.GET;
		boolean hasInput = writes || (operation.getParameters() != null && !operation.getParameters().isEmpty());
		add(responses, "401", tokenIssuing ? "Wrong or missing username and password (HTTP Basic)"
				: "No token, or an unknown or revoked one");
		if (!tokenIssuing) {
			add(responses, "403",
					"The token's owner does not hold a role this call needs, or the object is not theirs");
		}
		if (hasInput) {
			add(responses, "400", "A parameter or the body cannot be read (wrong format or out of range)");
		}
		if (path.contains("{")) {
			add(responses, "404", "No such object (the path names one that does not exist)");
		}
		if (writes && !tokenIssuing) {
			add(responses, "409", "Someone else changed the object meanwhile, or the change conflicts with its state");
			add(responses, "422", "The request is well-formed but breaks a rule (each error says which)");
		}
		add(responses, "503", "The database is briefly unavailable; nothing was half-saved (see Retry-After)");
	}

	/**
	 * {@code /api/v1/gates/{id}} -> gates; a prototype's observations -> observations.
	 */
	static String tag(String path) {
		if (path.endsWith("/observations")) {
			return "observations";
		}
		String[] segments = path.split("/");
		return (segments.length > 3) ? segments[3] : "api";
	}

	private static void add(ApiResponses responses, String status, String description) {
		if (responses.containsKey(status)) {
			return;
		}
		responses.addApiResponse(status,
				new ApiResponse().description(description)
					.content(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

}
