import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sign-load benchmark driver (JDK only, run with {@code java bench/SignLoad.java}). Prepares N
 * gates whose technical track is signed and whose commercial answers pass, then lets S
 * concurrent browser sessions of Delivery PMs sign the commercial tracks (sign form, sign POST,
 * gate page) and reports latency percentiles and errors. Loopback only.
 *
 * Arguments: baseUrl gates signers explorationPmId deliveryPmId
 */
public class SignLoad {

	static final String PASSWORD = "dualgate-demo";

	static final Map<String, String> TECHNICAL = new LinkedHashMap<>();

	static final Map<String, String> COMMERCIAL = new LinkedHashMap<>();

	static {
		TECHNICAL.put("availability_pct", "99.97");
		TECHNICAL.put("fallback_plan", "true");
		TECHNICAL.put("failsafe_threshold", "true");
		TECHNICAL.put("rag_latency_p95_ms", "287");
		TECHNICAL.put("hallucination_rate_pct", "0.4");
		TECHNICAL.put("bias_scenarios", "true");
		TECHNICAL.put("white_paper", "url");
		TECHNICAL.put("kill_criterion", "true");
		COMMERCIAL.put("willingness_to_pay_usd", "30000");
		COMMERCIAL.put("data_sovereignty", "url");
		COMMERCIAL.put("customer_journey", "true");
		COMMERCIAL.put("compliance_path", "true");
		COMMERCIAL.put("liability_map", "true");
		COMMERCIAL.put("pricing_model", "true");
		COMMERCIAL.put("value_mapping", "true");
	}

	static String base;

	public static void main(String[] args) throws Exception {
		base = args[0];
		int gates = Integer.parseInt(args[1]);
		int signers = Integer.parseInt(args[2]);
		long explorationPmId = Long.parseLong(args[3]);
		long deliveryPmId = Long.parseLong(args[4]);
		if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
			throw new IllegalArgumentException("loopback only");
		}
		String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

		// --- setup: N gates, technical answered and signed by explorer, commercial answered
		long setupStart = System.nanoTime();
		Session explorer = Session.login("explorer");
		String explorerToken = token("explorer");
		String delivererToken = token("deliverer");
		List<Long> ids = Collections.synchronizedList(new ArrayList<>());
		ExecutorService setup = Executors.newFixedThreadPool(4);
		AtomicInteger setupErrors = new AtomicInteger();
		for (int i = 0; i < gates; i++) {
			int n = i;
			setup.submit(() -> {
				try {
					String key = "BENCH-" + run + "-" + n;
					explorer.postForm("/prototypes/new", "/prototypes/new", Map.of("key", key, "name", "Bench " + key,
							"problemStatement", "Load test prototype", "vertical", "Benchmark", "explorationPmId",
							Long.toString(explorationPmId), "deliveryPmId", Long.toString(deliveryPmId)));
					HttpResponse<String> opened = explorer.postForm("/prototypes/" + key, "/gates",
							Map.of("prototypeKey", key));
					String location = opened.headers().firstValue("Location").orElseThrow();
					long id = Long.parseLong(location.replaceAll(".*/gates/(\\d+).*", "$1"));
					answer(id, "TECHNICAL", TECHNICAL, explorerToken);
					answer(id, "COMMERCIAL", COMMERCIAL, delivererToken);
					Map<String, String> form = explorer.signForm(id, "TECHNICAL");
					HttpResponse<String> signed = explorer.postForm(null, "/gates/" + id + "/tracks/TECHNICAL/sign",
							form);
					if (signed.statusCode() != 302) {
						throw new IllegalStateException("technical sign " + signed.statusCode());
					}
					ids.add(id);
				}
				catch (Exception ex) {
					setupErrors.incrementAndGet();
					System.err.println("setup failed: " + ex);
				}
			});
		}
		setup.shutdown();
		setup.awaitTermination(30, TimeUnit.MINUTES);
		System.out.printf("setup: %d gates ready in %.1f s (%d setup errors)%n", ids.size(),
				(System.nanoTime() - setupStart) / 1e9, setupErrors.get());

		// --- load: S concurrent signer sessions of deliverer sign the commercial tracks
		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < signers; i++) {
			sessions.add(Session.login("deliverer"));
		}
		ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(ids);
		List<Long> signNanos = Collections.synchronizedList(new ArrayList<>());
		List<Long> pageNanos = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(signers);
		CountDownLatch go = new CountDownLatch(1);
		long loadStart = System.nanoTime();
		for (Session session : sessions) {
			pool.submit(() -> {
				go.await();
				Long id;
				while ((id = queue.poll()) != null) {
					try {
						Map<String, String> form = session.signForm(id, "COMMERCIAL");
						long t0 = System.nanoTime();
						HttpResponse<String> signed = session.postForm(null,
								"/gates/" + id + "/tracks/COMMERCIAL/sign", form);
						signNanos.add(System.nanoTime() - t0);
						if (signed.statusCode() == 409) {
							conflicts.incrementAndGet();
						}
						else if (signed.statusCode() != 302) {
							errors.incrementAndGet();
							System.err.println("sign " + id + " -> " + signed.statusCode());
						}
						long t1 = System.nanoTime();
						HttpResponse<String> page = session.get("/gates/" + id);
						pageNanos.add(System.nanoTime() - t1);
						if (page.statusCode() != 200 || !page.body().contains("Approved")) {
							errors.incrementAndGet();
							System.err.println("page " + id + " -> " + page.statusCode());
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						System.err.println("signer failed: " + ex);
					}
				}
				return null;
			});
		}
		go.countDown();
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - loadStart) / 1e9;
		System.out.printf("load: %d signers, %d sign requests in %.1f s (%.1f signs/s)%n", signers, signNanos.size(),
				seconds, signNanos.size() / seconds);
		report("sign POST", signNanos);
		report("gate page GET", pageNanos);
		System.out.printf("errors: %d, conflicts (409): %d%n", errors.get(), conflicts.get());
		System.out.println("gate ids: " + ids.stream().mapToLong(Long::longValue).min().orElse(0) + ".."
				+ ids.stream().mapToLong(Long::longValue).max().orElse(0));
		System.exit((errors.get() == 0 && setupErrors.get() == 0) ? 0 : 1);
	}

	static void report(String what, List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		System.out.printf("%-14s n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", what, sorted.size(),
				pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
	}

	/** Nearest-rank percentile in milliseconds. */
	static double pct(List<Long> sorted, double p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1)) / 1e6;
	}

	static final HttpClient API = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	static String token(String username) throws Exception {
		String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = API.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		if (!m.find()) {
			throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
		}
		return m.group(1);
	}

	static void answer(long id, String track, Map<String, String> answers, String token) throws Exception {
		for (Map.Entry<String, String> item : answers.entrySet()) {
			String body = item.getValue().equals("url")
					? "{\"evidenceUrl\":\"https://evidence.example/" + item.getKey() + "\"}"
					: "{\"value\":" + item.getValue() + "}";
			HttpResponse<String> response = API.send(HttpRequest
				.newBuilder(URI.create(base + "/api/v1/gates/" + id + "/tracks/" + track + "/items/" + item.getKey()))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("answer " + item.getKey() + " -> " + response.statusCode());
			}
		}
	}

	/** A browser session: cookies and the CSRF token of the last form. */
	static class Session {

		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		static Session login(String username) throws Exception {
			Session session = new Session();
			HttpResponse<String> response = session.postForm("/login", "/login",
					Map.of("username", username, "password", PASSWORD));
			if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException("login failed for " + username);
			}
			// As a browser does: one page after login creates the session's CSRF token before
			// concurrent requests of the same session could each create (and replace) one.
			session.get("/prototypes");
			return session;
		}

		HttpResponse<String> get(String path) throws Exception {
			return this.client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		static String field(String html, String name) {
			Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
			if (m.find()) {
				return m.group(1);
			}
			m = Pattern.compile("value=\"([^\"]*)\"[^>]*name=\"" + Pattern.quote(name) + "\"").matcher(html);
			return m.find() ? m.group(1) : null;
		}

		Map<String, String> signForm(long id, String track) throws Exception {
			HttpResponse<String> page = get("/gates/" + id + "/tracks/" + track + "/sign");
			if (page.statusCode() != 200) {
				throw new IllegalStateException("sign form " + id + " -> " + page.statusCode());
			}
			Map<String, String> form = new LinkedHashMap<>();
			form.put("_csrf", field(page.body(), "_csrf"));
			form.put("shownHash", field(page.body(), "shownHash"));
			form.put("version", field(page.body(), "version"));
			form.put("meaning", "APPROVE");
			form.put("password", PASSWORD);
			form.put("confirmed", "true");
			return form;
		}

		/** Posts a form; takes the CSRF token from {@code formPage} when given. */
		HttpResponse<String> postForm(String formPage, String path, Map<String, String> fields) throws Exception {
			Map<String, String> all = new LinkedHashMap<>(fields);
			if (formPage != null) {
				all.put("_csrf", field(get(formPage).body(), "_csrf"));
			}
			StringBuilder body = new StringBuilder();
			for (Map.Entry<String, String> e : all.entrySet()) {
				if (body.length() > 0) {
					body.append('&');
				}
				body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
					.append(URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8));
			}
			return this.client.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
