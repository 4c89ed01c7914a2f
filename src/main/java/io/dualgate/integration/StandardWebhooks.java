package io.dualgate.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signing scheme: a secret {@code whsec_} + base64 of random bytes;
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed with
 * the decoded secret.
 */
final class StandardWebhooks {

	static final String SECRET_PREFIX = "whsec_";

	private static final SecureRandom random = new SecureRandom();

	private StandardWebhooks() {
	}

	static String newSecret() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	static String newMessageId() {
		byte[] id = new byte[16];
		random.nextBytes(id);
		return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
	}

	static String sign(String secret, String messageId, long timestampSeconds, String body) {
		byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac
				.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
