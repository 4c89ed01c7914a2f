import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-model load driver for DualGate (JDK only: {@code java bench/GateLoad.java ...}). Requests
 * arrive at a constant rate whatever the server's speed (no closed loop: a slow answer never
 * delays the next arrival), each one a random choice of: gate page, prototype list, gate API read,
 * answer through the API, sign through the browser form — by one of 100 simulated PMs on the gates
 * of their own prototypes. Latency is measured from the planned arrival time, so queueing counts.
 * Loopback only; bounded by a duration and a request count.
 *
 * Arguments: baseUrl gatesFile rate(req/s) durationSeconds maxRequests p99ApiMs p99PageMs p99ListMs p99WriteMs p99SignMs
 * gatesFile lines: gateId explorationPmUsername deliveryPmUsername
 */
public class GateLoad {

	static final String PASSWORD = "dualgate-demo";

	static String base;

	static final HttpClient API = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(8))
		.build();

	static final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

	static final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

	static final AtomicInteger errors = new AtomicInteger();

	static final AtomicInteger requests = new AtomicInteger();

	public static void main(String[] args) throws Exception {
		base = args[0];
		if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
			throw new IllegalArgumentException("loopback only");
		}
		List<String[]> gates = Files.readAllLines(Path.of(args[1]))
			.stream()
			.filter((l) -> !l.isBlank())
			.map((l) -> l.trim().split("\\|"))
			.toList();
		double rate = Double.parseDouble(args[2]);
		int durationSeconds = Integer.parseInt(args[3]);
		int maxRequests = Integer.parseInt(args[4]);
		double p99ApiMs = Double.parseDouble(args[5]);
		double p99PageMs = Double.parseDouble(args[6]);
		double p99ListMs = Double.parseDouble(args[7]);
		double p99WriteMs = Double.parseDouble(args[8]);
		double p99SignMs = Double.parseDouble(args[9]);

		// --- 100 people: one browser session and one API token each
		long setupStart = System.nanoTime();
		Map<String, Session> sessions = new ConcurrentHashMap<>();
		Map<String, String> tokens = new ConcurrentHashMap<>();
		List<String> people = gates.stream().flatMap((g) -> java.util.stream.Stream.of(g[1], g[2])).distinct().toList();
		ExecutorService setup = Executors.newFixedThreadPool(4);
		for (String person : people) {
			setup.submit(() -> {
				try {
					sessions.put(person, Session.login(person));
					tokens.put(person, token(person));
				}
				catch (Exception ex) {
					System.err.println("setup of " + person + " failed: " + ex);
				}
				return null;
			});
		}
		setup.shutdown();
		setup.awaitTermination(10, TimeUnit.MINUTES);
		if (sessions.size() != people.size() || tokens.size() != people.size()) {
			System.err.println("setup incomplete");
			System.exit(2);
		}
		System.out.printf("setup: %d people signed in (session + token) over %d gates in %.1f s%n", people.size(),
				gates.size(), (System.nanoTime() - setupStart) / 1e9);

		// --- open model: one arrival every 1/rate seconds, served by a bounded pool
		ThreadPoolExecutor workers = new ThreadPoolExecutor(0, 400, 30, TimeUnit.SECONDS, new SynchronousQueue<>());
		long intervalNanos = (long) (1e9 / rate);
		long start = System.nanoTime();
		long end = start + durationSeconds * 1_000_000_000L;
		AtomicLong dropped = new AtomicLong();
		for (long i = 0;; i++) {
			long planned = start + i * intervalNanos;
			if (planned >= end || i >= maxRequests) {
				break;
			}
			long wait = planned - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			String[] gate = gates.get(ThreadLocalRandom.current().nextInt(gates.size()));
			try {
				workers.execute(() -> one(gate, planned, sessions, tokens));
			}
			catch (RejectedExecutionException ex) {
				// 400 requests in flight: the server is not keeping up. Counted as an error.
				dropped.incrementAndGet();
				errors.incrementAndGet();
				requests.incrementAndGet();
				count("dropped (400 in flight)");
			}
		}
		workers.shutdown();
		workers.awaitTermination(2, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - start) / 1e9;

		// --- report
		int total = requests.get();
		System.out.printf("load: %.1f req/s offered for %d s -> %d requests in %.1f s (%.1f req/s served)%n", rate,
				durationSeconds, total, seconds, total / seconds);
		boolean ok = true;
		for (Map.Entry<String, List<Long>> type : new TreeMap<>(latencies).entrySet()) {
			List<Long> sorted = new ArrayList<>(type.getValue());
			Collections.sort(sorted);
			double p99 = pct(sorted, 99);
			double limit = switch (type.getKey()) {
				case "sign POST" -> p99SignMs;
				case "answer PUT (API)" -> p99WriteMs;
				case "gate page GET", "sign form GET" -> p99PageMs;
				case "prototype list GET" -> p99ListMs;
				default -> p99ApiMs;
			};
			boolean over = p99 > limit;
			ok &= !over;
			System.out.printf("%-22s n=%5d p50=%7.1f ms p95=%7.1f ms p99=%7.1f ms max=%7.1f ms  (p99 limit %.0f ms%s)%n",
					type.getKey(), sorted.size(), pct(sorted, 50), pct(sorted, 95), p99,
					sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, limit, over ? " EXCEEDED" : "");
		}
		System.out.println("outcomes: " + new TreeMap<>(outcomes));
		double errorRate = (total == 0) ? 0 : 100.0 * errors.get() / total;
		System.out.printf("errors: %d of %d (%.3f %%), limit 0.1 %%%n", errors.get(), total, errorRate);
		ok &= errorRate <= 0.1;
		System.out.println(ok ? "load: PASS" : "load: FAIL");
		System.exit(ok ? 0 : 1);
	}

	static void one(String[] gate, long planned, Map<String, Session> sessions, Map<String, String> tokens) {
		long id = Long.parseLong(gate[0]);
		String explorer = gate[1];
		String deliverer = gate[2];
		ThreadLocalRandom random = ThreadLocalRandom.current();
		boolean technical = random.nextBoolean();
		String me = technical ? explorer : deliverer;
		String track = technical ? "TECHNICAL" : "COMMERCIAL";
		int pick = random.nextInt(100);
		String type = "?";
		try {
			if (pick < 35) {
				type = "gate page GET";
				HttpResponse<String> page = sessions.get(me).get("/gates/" + id);
				expect(type, planned, page.statusCode(), 200);
			}
			else if (pick < 45) {
				type = "prototype list GET";
				HttpResponse<String> page = sessions.get(me).get("/prototypes?q=LOAD");
				expect(type, planned, page.statusCode(), 200);
			}
			else if (pick < 60) {
				type = "gate GET (API)";
				HttpResponse<String> json = API.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/gates/" + id))
					.header("Authorization", "Bearer " + tokens.get(me))
					.timeout(Duration.ofSeconds(30))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
				expect(type, planned, json.statusCode(), 200);
			}
			else if (pick < 85) {
				type = "answer PUT (API)";
				String[] item = technical
						? (random.nextBoolean() ? new String[] { "rag_latency_p95_ms", Integer.toString(random.nextInt(150, 301)) }
								: new String[] { "hallucination_rate_pct", "0." + random.nextInt(1, 6) })
						: new String[] { "willingness_to_pay_usd", Integer.toString(random.nextInt(25_000, 90_000)) };
				HttpResponse<String> answered = API.send(HttpRequest
					.newBuilder(URI.create(base + "/api/v1/gates/" + id + "/tracks/" + track + "/items/" + item[0]))
					.header("Authorization", "Bearer " + tokens.get(me))
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(30))
					.PUT(HttpRequest.BodyPublishers.ofString("{\"value\":" + item[1] + "}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				// 409/422: the gate was decided or changed meanwhile — a correct answer, not an error.
				expect(type, planned, answered.statusCode(), 200, 409, 422);
			}
			else {
				Session session = sessions.get(me);
				type = "sign form GET";
				HttpResponse<String> form = session.get("/gates/" + id + "/tracks/" + track + "/sign");
				expect(type, planned, form.statusCode(), 200, 409);
				if (form.statusCode() != 200) {
					return;
				}
				type = "sign POST";
				long postPlanned = System.nanoTime();
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put("_csrf", Session.field(form.body(), "_csrf"));
				fields.put("shownHash", Session.field(form.body(), "shownHash"));
				fields.put("version", Session.field(form.body(), "version"));
				fields.put("meaning", "APPROVE");
				fields.put("password", PASSWORD);
				fields.put("confirmed", "true");
				HttpResponse<String> signed = session.postForm("/gates/" + id + "/tracks/" + track + "/sign", fields);
				// 302 signed; 200 form again (answers changed, already signed); 409 stale or decided.
				expect(type, postPlanned, signed.statusCode(), 302, 200, 409);
			}
		}
		catch (Exception ex) {
			errors.incrementAndGet();
			requests.incrementAndGet();
			count(type + " " + ex.getClass().getSimpleName());
		}
	}

	static void expect(String type, long planned, int status, int... allowed) {
		long nanos = System.nanoTime() - planned;
		requests.incrementAndGet();
		latencies.computeIfAbsent(type, (k) -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
		count(type + " " + status);
		for (int a : allowed) {
			if (a == status) {
				return;
			}
		}
		errors.incrementAndGet();
	}

	static void count(String key) {
		outcomes.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
	}

	/** Nearest-rank percentile in milliseconds. */
	static double pct(List<Long> sorted, double p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1)) / 1e6;
	}

	static String token(String username) throws Exception {
		String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = API.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		if (!m.find()) {
			throw new IllegalStateException("no token: " + response.statusCode());
		}
		return m.group(1);
	}

	/** A browser session: its cookies. */
	static class Session {

		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		static Session login(String username) throws Exception {
			Session session = new Session();
			Map<String, String> fields = new HashMap<>();
			fields.put("_csrf", field(session.get("/login").body(), "_csrf"));
			fields.put("username", username);
			fields.put("password", PASSWORD);
			HttpResponse<String> response = session.postForm("/login", fields);
			if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException("login failed for " + username);
			}
			// Follow the redirect like a browser: the landing page creates the session's CSRF token
			// (login clears it), before any concurrent request of this session could race to create it.
			session.get("/prototypes?q=no-such-prototype");
			return session;
		}

		HttpResponse<String> get(String path) throws Exception {
			return this.client.send(
					HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
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

		HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
			StringBuilder body = new StringBuilder();
			for (Map.Entry<String, String> e : fields.entrySet()) {
				if (body.length() > 0) {
					body.append('&');
				}
				body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8));
			}
			return this.client.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
