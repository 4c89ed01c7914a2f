package io.dualgate.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one check for every URL DualGate stores (evidence links, agreements, webhooks): an
 * absolute {@code http} or {@code https} URL with a host and without user info, at most
 * {@link #MAX_LENGTH} characters. {@code javascript:}, {@code data:} and the like are
 * never stored, and a link stored before this check is shown as text, not as a link,
 * unless it passes (TRUST 32).
 */
public final class WebLinks {

	/**
	 * The widest URL column ({@code gate_item.evidence_url},
	 * {@code webhook_endpoint.url}).
	 */
	public static final int MAX_LENGTH = 1000;

	private WebLinks() {
	}

	/** Whether {@code url} is a web link DualGate may store and render as a link. */
	public static boolean isWebLink(String url) {
		return reason(url) == null;
	}

	/**
	 * The link as it is stored (stripped), or {@code null} for a blank one.
	 * @throws InvalidFieldException naming {@code field} when it is not a web link
	 */
	public static String require(String field, String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		String reason = reason(url);
		if (reason != null) {
			throw new InvalidFieldException(field, reason, Excerpt.of(url.strip()), MAX_LENGTH);
		}
		return url.strip();
	}

	/** The message code saying why {@code url} is refused, {@code null} if it is fine. */
	static String reason(String url) {
		if (url == null || url.isBlank()) {
			return "link.invalid";
		}
		String stripped = url.strip();
		if (stripped.length() > MAX_LENGTH) {
			return "link.tooLong";
		}
		URI uri;
		try {
			uri = new URI(stripped);
		}
		catch (URISyntaxException ex) {
			return "link.invalid";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return "link.scheme";
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			return "link.invalid";
		}
		return null;
	}

}
