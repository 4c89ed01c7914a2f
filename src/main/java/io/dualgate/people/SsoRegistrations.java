package io.dualgate.people;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The OpenID provider registered as {@code sso}, discovered lazily from its issuer's
 * {@code /.well-known/openid-configuration} (with short timeouts) instead of at start: a
 * provider that is down never stops DualGate from starting, the login page says single
 * sign-on is unavailable, and the break-glass account still signs in with its password.
 * The discovered registration is kept; reachability is asked again after
 * {@code dualgate.sso.availability-check}.
 */
public class SsoRegistrations implements ClientRegistrationRepository {

	public static final String REGISTRATION_ID = "sso";

	private static final Logger logger = LoggerFactory.getLogger(SsoRegistrations.class);

	/**
	 * A provider that refuses connections is noticed at once; one that hangs, after this.
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final OAuth2ClientProperties.Registration registration;

	private final String issuer;

	private final SsoProperties properties;

	private final Clock clock;

	// HTTP/1.1: a cleartext HTTP/2 upgrade offer is not answered by every provider (or
	// proxy in front of it), and discovery must not hang on it
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private volatile ClientRegistration resolved;

	private volatile Map<String, Object> metadata = Map.of();

	private volatile Instant checkedAt;

	private volatile boolean reachable;

	SsoRegistrations(OAuth2ClientProperties client, SsoProperties properties, Clock clock) {
		this.registration = client.getRegistration().get(REGISTRATION_ID);
		String provider = (this.registration.getProvider() != null) ? this.registration.getProvider() : REGISTRATION_ID;
		OAuth2ClientProperties.Provider details = client.getProvider().get(provider);
		if (details == null || details.getIssuerUri() == null) {
			throw new IllegalStateException("Single sign-on needs spring.security.oauth2.client.provider." + provider
					+ ".issuer-uri (the OpenID provider's issuer)");
		}
		this.issuer = details.getIssuerUri();
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return REGISTRATION_ID.equals(registrationId) ? registration().orElse(null) : null;
	}

	/** The registration, discovering the provider the first time it answers. */
	public Optional<ClientRegistration> registration() {
		if (this.resolved == null) {
			available();
		}
		return Optional.ofNullable(this.resolved);
	}

	/**
	 * Whether the provider answers its discovery document now (asked at most once per
	 * {@code availability-check}).
	 */
	public boolean available() {
		Instant now = this.clock.instant();
		Instant last = this.checkedAt;
		if (last != null && now.isBefore(last.plus(this.properties.availabilityCheck()))) {
			return this.reachable;
		}
		boolean answered = discover();
		this.reachable = answered;
		this.checkedAt = now;
		return answered;
	}

	/**
	 * What the login page calls the provider: the registration's client name, or its
	 * host.
	 */
	public String providerName() {
		if (this.registration.getClientName() != null) {
			return this.registration.getClientName();
		}
		return URI.create(this.issuer).getHost();
	}

	public String issuer() {
		return this.issuer;
	}

	/** The provider's end-session endpoint (RP-initiated logout), where it has one. */
	Optional<String> endSessionEndpoint() {
		return Optional.ofNullable(this.metadata.get("end_session_endpoint")).map(String::valueOf);
	}

	private boolean discover() {
		String location = this.issuer.endsWith("/") ? this.issuer + ".well-known/openid-configuration"
				: this.issuer + "/.well-known/openid-configuration";
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(location)).timeout(TIMEOUT).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				logger.warn("Single sign-on unavailable: {} answered {}", location, response.statusCode());
				return false;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> discovered = JsonMapper.shared().readValue(response.body(), Map.class);
			if (!this.issuer.equals(discovered.get("issuer"))) {
				logger.warn("Single sign-on unavailable: {} names issuer {}, not {}", location,
						discovered.get("issuer"), this.issuer);
				return false;
			}
			if (this.resolved == null) {
				this.resolved = build(discovered);
				this.metadata = Map.copyOf(discovered);
			}
			return true;
		}
		catch (IOException | JacksonException | IllegalArgumentException ex) {
			logger.warn("Single sign-on unavailable: {} cannot be read ({})", location, ex.getMessage());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private ClientRegistration build(Map<String, Object> discovered) {
		ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId(this.registration.getClientId())
			.clientSecret(this.registration.getClientSecret())
			.clientAuthenticationMethod((this.registration.getClientAuthenticationMethod() != null)
					? new ClientAuthenticationMethod(this.registration.getClientAuthenticationMethod())
					: ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri((this.registration.getRedirectUri() != null) ? this.registration.getRedirectUri()
					: "{baseUrl}/login/oauth2/code/{registrationId}")
			.scope((this.registration.getScope() != null && !this.registration.getScope().isEmpty())
					? this.registration.getScope() : java.util.Set.of("openid", "profile", "email"))
			.clientName(providerName())
			.issuerUri(this.issuer)
			.authorizationUri(String.valueOf(discovered.get("authorization_endpoint")))
			.tokenUri(String.valueOf(discovered.get("token_endpoint")))
			.jwkSetUri(String.valueOf(discovered.get("jwks_uri")))
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.providerConfigurationMetadata(discovered);
		if (discovered.get("userinfo_endpoint") != null) {
			builder.userInfoUri(String.valueOf(discovered.get("userinfo_endpoint")));
		}
		return builder.build();
	}

}
