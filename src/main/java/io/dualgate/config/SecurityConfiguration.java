package io.dualgate.config;

import java.time.Duration;
import java.util.Arrays;

import io.dualgate.people.ApiTokens;
import io.dualgate.people.People;
import io.dualgate.people.Role;
import io.dualgate.people.SsoLogin;
import io.dualgate.shared.SecurityHeaders;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Three filter chains: token issuing (HTTP Basic), the stateless token API, and the
 * browser application (form login, session, CSRF). Everything is denied unless a rule
 * allows it, and every handler carries its own role rule as well ({@code @PreAuthorize}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

	/**
	 * A request the firewall refuses (a double slash, an encoded dot segment) gets a 400
	 * through the error dispatch, which answers in our words with the security headers
	 * (the default handler lets the exception escape to the container).
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
	}

	/** Every page needs a role: a person signed in without one sees only /access/none. */
	static final String[] ANY_ROLE = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

	/** Administration pages an auditor may read (their forms stay the admins'). */
	static final String[] AUDITOR_READS = { "/admin/audit", "/admin/audit/**", "/admin/users", "/admin/templates",
			"/admin/templates/*", "/admin/templates/*/export.json", "/admin/frameworks", "/admin/notifications",
			"/admin/delegations", "/admin/webhooks", "/admin/webhooks/*" };

	@Bean
	@Order(1)
	SecurityFilterChain tokenIssuingChain(HttpSecurity http) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problemEntryPoint()));
		return stateless(http, problemEntryPoint());
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens) throws Exception {
		AuthenticationProvider tokenProvider = new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				String token = (String) authentication.getCredentials();
				return tokens.authenticate(token)
					.map((user) -> (Authentication) new BearerTokenAuthentication(user))
					.orElseThrow(() -> new BadCredentialsException("invalid token"));
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return BearerTokenAuthentication.class.isAssignableFrom(authentication);
			}

		};
		AuthenticationManager manager = new ProviderManager(tokenProvider);
		AuthenticationFilter bearer = new AuthenticationFilter(manager, SecurityConfiguration::bearerToken);
		bearer.setSuccessHandler((request, response, authentication) -> {
		});
		bearer.setFailureHandler((request, response, ex) -> ProblemResponses.write(request, response,
				HttpStatus.UNAUTHORIZED, "The API token is missing, unknown or revoked."));
		bearer.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());

		http.securityMatcher("/api/**")
			.authorizeHttpRequests((authorize) -> authorize
				// Writes are refused by role before their body is read, so that a caller
				// without
				// the role learns nothing from validation messages (handlers check
				// again).
				.requestMatchers(HttpMethod.PUT, "/api/v1/gates/**")
				.hasAnyRole("EXPLORATION_PM", "DELIVERY_PM")
				.requestMatchers(HttpMethod.POST, "/api/v1/observations")
				.hasAnyRole("EXPLORATION_PM", "DELIVERY_PM", "ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/v1/delegations", "/api/v1/delegations/**")
				.hasAnyRole("EXPLORATION_PM", "DELIVERY_PM", "ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/webhooks", "/api/v1/webhooks/**")
				.hasAnyRole("ADMIN", "AUDITOR")
				.requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/templates", "/api/v1/templates/**")
				.hasAnyRole("ADMIN", "AUDITOR")
				.requestMatchers("/api/v1/templates", "/api/v1/templates/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.PUT, "/api/v1/frameworks/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.PUT, "/api/v1/prototypes/*/applicability/**")
				.hasAnyRole("EXPLORATION_PM", "DELIVERY_PM", "ADMIN")
				.anyRequest()
				.authenticated())
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			.addFilterAfter(new ReadOnlyAuditorFilter(), ExceptionTranslationFilter.class);
		return stateless(http, problemEntryPoint());
	}

	/**
	 * Operations endpoints: health open to probes (no details), everything else
	 * (Prometheus) for admins, with HTTP Basic so that a scraper can authenticate; no
	 * session is created.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(
					(authorize) -> authorize.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
						.permitAll()
						.anyRequest()
						.hasRole("ADMIN"))
			.httpBasic((basic) -> basic.authenticationEntryPoint(actuatorEntryPoint()));
		return stateless(http, actuatorEntryPoint());
	}

	@Bean
	@Order(4)
	SecurityFilterChain webChain(HttpSecurity http, People people, ObjectProvider<SsoLogin> sso) throws Exception {
		// The token is loaded before the page renders, not deferred: a page longer than
		// the
		// response buffer is committed before its last form asks for the token, and a
		// session can no longer be created then.
		XorCsrfTokenRequestAttributeHandler csrfTokenHandler = new XorCsrfTokenRequestAttributeHandler();
		csrfTokenHandler.setCsrfRequestAttributeName(null);
		http.csrf((csrf) -> csrf.csrfTokenRequestHandler(csrfTokenHandler));
		http.addFilterAfter(new CurrentRightsFilter(people), SecurityContextHolderFilter.class);
		http.addFilterAfter(new ReadOnlyAuditorFilter(), ExceptionTranslationFilter.class);
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/oauth2/authorization/**", "/login/oauth2/**")
			.permitAll()
			// signed in through the provider with a claim that maps to no role: only the
			// page that says so
			.requestMatchers("/access/none")
			.authenticated()
			// the auditor reads the administration pages (who holds which role,
			// templates,
			// webhooks, delegations, deliveries, the audit trail) but submits none of
			// them
			.requestMatchers(HttpMethod.GET, AUDITOR_READS)
			.hasAnyRole("ADMIN", "AUDITOR")
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/gates", "/gates/**")
			.hasAnyRole("EXPLORATION_PM", "DELIVERY_PM")
			.anyRequest()
			.hasAnyRole(ANY_ROLE))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.invalidateHttpSession(true)
				.deleteCookies("SESSION", "JSESSIONID"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		SsoLogin login = sso.getIfAvailable();
		String policy = CONTENT_SECURITY_POLICY;
		if (login != null) {
			login.configure(http);
			// the sign form (step-up) and logout (the provider's end of session) continue
			// at the provider: the browser must allow those form submissions to go there
			policy = policy.replace("form-action 'self'", "form-action 'self' " + login.origin());
		}
		String webPolicy = policy;
		http.headers((headers) -> headers(headers, webPolicy));
		return http.build();
	}

	/**
	 * What the machine-facing chains share: no session and so no CSRF token, refusals as
	 * problem details, the security headers of every response.
	 */
	private static SecurityFilterChain stateless(HttpSecurity http, AuthenticationEntryPoint entryPoint)
			throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(problemAccessDenied()))
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	private static void headers(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
		headers(headers, CONTENT_SECURITY_POLICY);
	}

	private static void headers(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers,
			String policy) {
		headers.addHeaderWriter(OpenApiConfiguration.contentSecurityPolicy(policy))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.httpStrictTransportSecurity(
					(hsts) -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds()).includeSubDomains(true));
	}

	private static BearerTokenAuthentication bearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return new BearerTokenAuthentication(header.substring(7).strip());
	}

	private static AuthenticationEntryPoint problemEntryPoint() {
		return (request, response, ex) -> ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED,
				"Authentication is required: send 'Authorization: Bearer <token>' (or HTTP Basic to POST /api/v1/tokens).");
	}

	private static AuthenticationEntryPoint actuatorEntryPoint() {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"DualGate operations\"");
			ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED,
					"Operations endpoints need an administrator's credentials (HTTP Basic).");
		};
	}

	private static AccessDeniedHandler problemAccessDenied() {
		return (request, response, ex) -> ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
				"Your roles do not allow this.");
	}

}
