package io.dualgate.people;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in through the OpenID provider (registration {@code sso}), applied to the
 * browser's filter chain only when single sign-on is configured: the authorization code
 * flow with nonce and state, the person resolved by {@link SsoAccounts}, the session then
 * holding an {@link SsoAuthentication}, and logout ending the provider's session too
 * where it offers an end-session endpoint (RP-initiated logout).
 */
public class SsoLogin {

	private static final Logger logger = LoggerFactory.getLogger(SsoLogin.class);

	/** Failure codes the login page explains; anything else reads as "failed". */
	static final Set<String> KNOWN_FAILURES = Set.of("link-not-allowed", "deactivated", "unavailable");

	private final SsoRegistrations registrations;

	private final SsoAccounts accounts;

	private final OidcUserService oidcUsers = new OidcUserService();

	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	SsoLogin(SsoRegistrations registrations, SsoAccounts accounts) {
		this.registrations = registrations;
		this.accounts = accounts;
	}

	public void configure(HttpSecurity http) throws Exception {
		http.oauth2Login((login) -> login.loginPage("/login")
			.clientRegistrationRepository(this.registrations)
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(this::loadUser))
			.successHandler(this::signedIn)
			.failureHandler(this::failed));
		http.logout((logout) -> logout.logoutSuccessHandler(this::loggedOut));
		http.addFilterBefore(new UnavailableProvider(), OAuth2AuthorizationRequestRedirectFilter.class);
	}

	/** The provider's origin (scheme, host, port), where forms continue. */
	public String origin() {
		return UriComponentsBuilder.fromUriString(this.registrations.issuer())
			.replacePath(null)
			.replaceQuery(null)
			.build()
			.toUriString();
	}

	private OidcUser loadUser(OidcUserRequest request) {
		OidcUser oidc = this.oidcUsers.loadUser(request);
		String issuer = oidc.getIdToken().getIssuer().toString();
		SsoAccounts.Outcome outcome = this.accounts.signIn(issuer, oidc.getSubject(), oidc.getClaims());
		if (outcome instanceof SsoAccounts.Refused refused) {
			throw new OAuth2AuthenticationException(new OAuth2Error(refused.reason()));
		}
		SsoAccounts.SignedIn signedIn = (SsoAccounts.SignedIn) outcome;
		return new Person(signedIn.user(), oidc, signedIn.withoutRole());
	}

	/** Swaps the OAuth2 token for an {@link SsoAuthentication} around our own person. */
	private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		Person person = (Person) authentication.getPrincipal();
		SsoAuthentication sso = new SsoAuthentication(person.user, person.getIdToken().getIssuer().toString(),
				person.getSubject(), person.getIdToken().getTokenValue());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(sso);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		if (person.withoutRole) {
			response.sendRedirect(request.getContextPath() + "/access/none");
			return;
		}
		SavedRequest saved = this.requestCache.getRequest(request, response);
		this.requestCache.removeRequest(request, response);
		response.sendRedirect((saved != null) ? saved.getRedirectUrl() : request.getContextPath() + "/");
	}

	private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String code = (ex instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode() : "";
		logger.warn("Single sign-on failed: {}", code);
		response.sendRedirect(
				request.getContextPath() + "/login?sso-error=" + (KNOWN_FAILURES.contains(code) ? code : "failed"));
	}

	private void loggedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		String afterLogout = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
			.replacePath(request.getContextPath() + "/login")
			.replaceQuery("logout")
			.build()
			.toUriString();
		if (authentication instanceof SsoAuthentication sso && this.registrations.endSessionEndpoint().isPresent()) {
			String endSession = UriComponentsBuilder.fromUriString(this.registrations.endSessionEndpoint().get())
				.queryParam("id_token_hint", sso.idToken())
				.queryParam("post_logout_redirect_uri", afterLogout)
				.queryParam("client_id", this.registrations.registration().map((r) -> r.getClientId()).orElse(""))
				.encode()
				.build()
				.toUriString();
			response.sendRedirect(endSession);
			return;
		}
		response.sendRedirect(request.getContextPath() + "/login?logout");
	}

	/** The OIDC user during the login exchange, carrying our person. */
	static final class Person extends DefaultOidcUser {

		private final AuthenticatedUser user;

		private final boolean withoutRole;

		Person(AuthenticatedUser user, OidcUser oidc, boolean withoutRole) {
			super(user.getAuthorities(), oidc.getIdToken(), oidc.getUserInfo());
			this.user = user;
			this.withoutRole = withoutRole;
		}

		@Override
		public String getName() {
			return this.user.getUsername();
		}

	}

	/**
	 * A provider that does not answer sends the person back to the login page, which says
	 * so.
	 */
	private final class UnavailableProvider extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !request.getRequestURI()
				.equals(request.getContextPath() + "/oauth2/authorization/" + SsoRegistrations.REGISTRATION_ID);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!SsoLogin.this.registrations.available()) {
				response.sendRedirect(request.getContextPath() + "/login?sso-error=unavailable");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
