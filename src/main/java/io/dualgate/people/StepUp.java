package io.dualgate.people;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Step-up re-authentication for signing (21 CFR Part 11, EU Annex 11: the signer
 * authenticates at the moment of signing). A person signed in through the provider is
 * sent back to it with {@code prompt=login} and {@code max_age=0}, a fresh {@code state}
 * and {@code nonce}; the ID token that returns is verified (signature, issuer, audience,
 * expiry), must carry our nonce, the same subject as the session, and an
 * {@code auth_time} within {@code dualgate.sso.step-up-max-age} (5 minutes by default).
 * Anything else refuses the signature with a message that says why.
 */
public class StepUp {

	private static final Logger securityLog = LoggerFactory.getLogger("io.dualgate.security");

	/** A provider's clock may run a little ahead of ours. */
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SsoRegistrations registrations;

	private final SsoProperties properties;

	private final Clock clock;

	private final RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();

	private final OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();

	StepUp(SsoRegistrations registrations, SsoProperties properties, Clock clock) {
		this.registrations = registrations;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A re-authentication to ask of the provider; keep it (in the session) to complete
	 * it.
	 * @param redirectUri where the provider sends the person back (absolute)
	 */
	public Challenge begin(String redirectUri) {
		ClientRegistration registration = registration();
		String state = random();
		String nonce = random();
		OAuth2AuthorizationRequest request = authorizationRequest(registration, redirectUri, state, nonce);
		return new Challenge(state, nonce, redirectUri, this.clock.instant(), request.getAuthorizationRequestUri());
	}

	/**
	 * Completes a re-authentication: exchanges the code, verifies the ID token and what
	 * it must say. The challenge is single-use: the caller removes it before calling.
	 */
	public ReauthenticationProof complete(Challenge challenge, String code, String returnedState,
			SsoAuthentication session) {
		if (code == null || returnedState == null
				|| !MessageDigest.isEqual(challenge.state().getBytes(), returnedState.getBytes())) {
			throw refused("signing.stepUp.replayed");
		}
		ClientRegistration registration = registration();
		OAuth2AuthorizationRequest request = authorizationRequest(registration, challenge.redirectUri(),
				challenge.state(), challenge.nonce());
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
			.redirectUri(challenge.redirectUri())
			.state(returnedState)
			.build();
		Jwt idToken;
		try {
			OAuth2AccessTokenResponse tokenResponse = this.tokens
				.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
						new OAuth2AuthorizationExchange(request, response)));
			Object value = tokenResponse.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
			if (!(value instanceof String token)) {
				throw refused("signing.stepUp.failed");
			}
			idToken = this.decoders.createDecoder(registration).decode(token);
		}
		catch (OAuth2AuthorizationException | OAuth2AuthenticationException | JwtException ex) {
			securityLog.warn("Step-up re-authentication failed: {}", ex.getMessage());
			throw refused("signing.stepUp.failed");
		}
		if (!challenge.nonce().equals(idToken.getClaimAsString(OidcParameterNames.NONCE))) {
			securityLog.warn("Step-up re-authentication refused: an ID token for another request (nonce)");
			throw refused("signing.stepUp.replayed");
		}
		String issuer = String.valueOf(idToken.getIssuer());
		if (!issuer.equals(session.issuer()) || !idToken.getSubject().equals(session.subject())) {
			securityLog.warn("Step-up re-authentication refused: another person (subject) re-authenticated");
			throw refused("signing.stepUp.otherPerson");
		}
		Instant authTime = authTime(idToken.getClaims().get("auth_time"));
		Instant now = this.clock.instant();
		if (authTime == null) {
			throw refused("signing.stepUp.noAuthTime");
		}
		if (authTime.isBefore(now.minus(this.properties.stepUpMaxAge())) || authTime.isAfter(now.plus(CLOCK_SKEW))) {
			securityLog.warn("Step-up re-authentication refused: auth_time {} is not within {} of {}", authTime,
					this.properties.stepUpMaxAge(), now);
			throw refused("signing.stepUp.stale", authTime.toString(), this.properties.stepUpMaxAge().toMinutes());
		}
		return new ReauthenticationProof(issuer, idToken.getSubject(), authTime);
	}

	private ClientRegistration registration() {
		return this.registrations.registration().orElseThrow(() -> refused("signing.stepUp.unavailable"));
	}

	private static OAuth2AuthorizationRequest authorizationRequest(ClientRegistration registration, String redirectUri,
			String state, String nonce) {
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(registration.getProviderDetails().getAuthorizationUri())
			.clientId(registration.getClientId())
			.redirectUri(redirectUri)
			.scopes(registration.getScopes())
			.state(state)
			.additionalParameters(Map.of(OidcParameterNames.NONCE, nonce, "prompt", "login", "max_age", "0"))
			.attributes(Map.of(OAuth2ParameterNames.REGISTRATION_ID, registration.getRegistrationId()))
			.build();
	}

	private static Instant authTime(Object claim) {
		if (claim instanceof Instant instant) {
			return instant;
		}
		if (claim instanceof Date date) {
			return date.toInstant();
		}
		if (claim instanceof Number seconds) {
			return Instant.ofEpochSecond(seconds.longValue());
		}
		return null;
	}

	private static StepUpRefusedException refused(String code, Object... arguments) {
		return new StepUpRefusedException(code, arguments);
	}

	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A pending re-authentication: what the provider must return. */
	public record Challenge(String state, String nonce, String redirectUri, Instant startedAt,
			String authorizationUri) implements java.io.Serializable {
	}

}
