package io.dualgate.shared;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries (TRUST 23), in one place: Spring Security
 * writes them on what passes its filters; error answers produced outside them (Tomcat's
 * own, a request the firewall refused) take them from here.
 */
public final class SecurityHeaders {

	/**
	 * No inline scripts or styles: every script and stylesheet is a file of ours or a
	 * WebJar.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
			+ " frame-ancestors 'none'";

	public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

	private SecurityHeaders() {
	}

	/** Sets the headers that are missing (never a second copy of one already set). */
	public static void applyMissing(HttpServletResponse response) {
		setIfMissing(response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
		setIfMissing(response, "X-Content-Type-Options", "nosniff");
		setIfMissing(response, "X-Frame-Options", "DENY");
		setIfMissing(response, "Referrer-Policy", REFERRER_POLICY);
		setIfMissing(response, "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
	}

	private static void setIfMissing(HttpServletResponse response, String name, String value) {
		if (!response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

}
