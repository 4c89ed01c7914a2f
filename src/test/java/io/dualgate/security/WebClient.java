package io.dualgate.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: real HTTP to a running DualGate with a cookie jar,
 * following no redirects (tests look at them), and the form's CSRF token taken from the
 * last page read.
 */
public final class WebClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private String csrf;

	public WebClient(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	public CookieManager cookies() {
		return this.cookies;
	}

	public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		withHeaders(request, headers);
		return remember(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	/**
	 * Posts a form with the CSRF token of the last page read (unless the form holds its
	 * own).
	 */
	public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
			throws IOException, InterruptedException {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			all.putIfAbsent("_csrf", this.csrf);
		}
		String body = all.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return post(path, "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(body), headers);
	}

	public HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.POST(body);
		withHeaders(request, headers);
		return remember(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	/** Asks for HTML as a browser does, unless the caller says otherwise. */
	private static void withHeaders(HttpRequest.Builder request, String... headers) {
		boolean accept = false;
		for (int i = 0; i < headers.length; i += 2) {
			accept |= headers[i].equalsIgnoreCase("Accept");
		}
		if (!accept) {
			request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
	}

	/** Signs in through the login form; returns the answer to the login POST. */
	public HttpResponse<String> logIn(String username, String password) throws IOException, InterruptedException {
		get("/login");
		return postForm("/login", Map.of("username", username, "password", password));
	}

	public String csrfToken() {
		return this.csrf;
	}

	private HttpResponse<String> remember(HttpResponse<String> response) {
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
		return response;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
