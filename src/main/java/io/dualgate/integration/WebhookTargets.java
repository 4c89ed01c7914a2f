package io.dualgate.integration;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.WebLinks;

import org.springframework.stereotype.Component;

/**
 * Where a webhook may point: an http(s) URL whose host resolves only to public addresses.
 * Loopback, link-local (cloud metadata), private, unique-local and wildcard addresses are
 * refused unless {@code dualgate.webhooks.allow-private-targets=true}. Checked when an
 * endpoint is registered and again before every attempt (a name may resolve elsewhere
 * later).
 */
@Component
class WebhookTargets {

	static final int MAX_URL = WebLinks.MAX_LENGTH;

	private final WebhookProperties properties;

	WebhookTargets(WebhookProperties properties) {
		this.properties = properties;
	}

	URI check(String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidFieldException("url", "webhook.url.required");
		}
		if (url.length() > MAX_URL) {
			throw new InvalidFieldException("url", "webhook.url.tooLong", MAX_URL);
		}
		if (!WebLinks.isWebLink(url)) {
			throw new InvalidFieldException("url", "webhook.url.invalid");
		}
		URI uri = URI.create(url.strip());
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			throw new InvalidFieldException("url", "webhook.url.unresolvable");
		}
		if (!this.properties.allowPrivateTargets()) {
			for (InetAddress address : addresses) {
				if (isPrivate(address)) {
					throw new InvalidFieldException("url", "webhook.url.private");
				}
			}
		}
		return uri;
	}

	static boolean isPrivate(InetAddress address) {
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 16) {
			// IPv6 unique local addresses fc00::/7
			return (bytes[0] & 0xfe) == 0xfc;
		}
		// 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8
		return ((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) || bytes[0] == 0;
	}

}
