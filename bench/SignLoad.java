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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sign-load benchmark driver (JDK only, run with {@code java bench/SignLoad.java}); loopback only.
 * The gates come from {@code bench/sign-setup.sql} (file lines: {@code gateId|deliveryPmUsername}).
 *
 * <pre>
 * setup baseUrl gatesFile
 *     the technical track of every gate signed by 'explorer' (browser sign form, password re-check)
 * load baseUrl gatesFile probeGateId wrongEvery probeIntervalMs probeSamples
 *     1. unloaded: one reader session (the executive) reads the probe gate's page every
 *        probeIntervalMs, probeSamples times (after a warm-up);
 *     2. loaded: one browser session per Delivery PM (all at once) takes the next gate of theirs,
 *        loads the sign form, POSTs the signature and reads the gate page; every wrongEvery-th sign
 *        POST carries a wrong password (it must be refused on the form, and the signer then signs
 *        with the right one); meanwhile the reader reads the probe page at the same pace.
 * </pre>
 *
 * Prints the figures, and RESULT lines (key=value) for bench/all.sh.
 */
public class SignLoad {

	static final String PASSWORD = "dualgate-demo";

	static final String WRONG_PASSWORD = "dualgate-demo-mistyped";

	static final String WRONG_PASSWORD_MESSAGE = "The password is wrong.";

	static String base;

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		base = args[1];
		if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
			throw new IllegalArgumentException("loopback only");
		}
		List<String[]> gates = Files.readAllLines(Path.of(args[2]))
			.stream()
			.filter((line) -> !line.isBlank())
			.map((line) -> line.trim().split("\\|"))
			.toList();
		int status = switch (mode) {
			case "setup" -> setup(gates);
			case "load" -> load(gates, Long.parseLong(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
					Integer.parseInt(args[6]));
			default -> throw new IllegalArgumentException("setup or load");
		};
		System.exit(status);
	}

	/** Signs every gate's technical track as the demo Exploration PM. */
	static int setup(List<String[]> gates) throws Exception {
		long start = System.nanoTime();
		Session explorer = Session.login("explorer");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		AtomicInteger errors = new AtomicInteger();
		for (String[] gate : gates) {
			pool.submit(() -> {
				try {
					long id = Long.parseLong(gate[0]);
					Map<String, String> form = explorer.signForm(id, "TECHNICAL", PASSWORD);
					HttpResponse<String> signed = explorer.postForm("/gates/" + id + "/tracks/TECHNICAL/sign", form);
					if (signed.statusCode() != 302) {
						throw new IllegalStateException("technical sign " + id + " -> " + signed.statusCode());
					}
				}
				catch (Exception ex) {
					errors.incrementAndGet();
					System.err.println("setup failed: " + ex);
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.MINUTES);
		System.out.printf(Locale.ROOT, "setup: %d technical signatures in %.1f s (%d errors)%n", gates.size(),
				(System.nanoTime() - start) / 1e9, errors.get());
		return errors.get() == 0 ? 0 : 1;
	}

	static int load(List<String[]> gates, long probeGateId, int wrongEvery, int probeIntervalMs, int probeSamples)
			throws Exception {
		// one session per Delivery PM, each with the queue of their gates
		Map<String, ConcurrentLinkedQueue<Long>> queues = new LinkedHashMap<>();
		for (String[] gate : gates) {
			queues.computeIfAbsent(gate[1], (k) -> new ConcurrentLinkedQueue<>()).add(Long.parseLong(gate[0]));
		}
		Map<String, Session> sessions = new LinkedHashMap<>();
		for (String username : queues.keySet()) {
			sessions.put(username, Session.login(username));
		}
		Session reader = Session.login("executive");

		// 1. the probe page, unloaded (after a warm-up)
		probe(reader, probeGateId, probeIntervalMs, 20, null, null);
		List<Long> unloaded = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger probeErrors = new AtomicInteger();
		probe(reader, probeGateId, probeIntervalMs, probeSamples, unloaded, probeErrors);

		// 2. the load, with the probe alongside
		List<Long> signNanos = Collections.synchronizedList(new ArrayList<>());
		List<Long> formNanos = Collections.synchronizedList(new ArrayList<>());
		List<Long> pageNanos = Collections.synchronizedList(new ArrayList<>());
		List<Long> loaded = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		AtomicInteger signed = new AtomicInteger();
		AtomicInteger signRequests = new AtomicInteger();
		AtomicInteger wrongSent = new AtomicInteger();
		AtomicInteger wrongRefused = new AtomicInteger();
		Map<String, Integer> wrongBySigner = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
		CountDownLatch go = new CountDownLatch(1);
		CountDownLatch finished = new CountDownLatch(sessions.size());
		for (Map.Entry<String, Session> entry : sessions.entrySet()) {
			Session session = entry.getValue();
			ConcurrentLinkedQueue<Long> queue = queues.get(entry.getKey());
			pool.submit(() -> {
				try {
					go.await();
					Long id;
					while ((id = queue.poll()) != null) {
						try {
							long f0 = System.nanoTime();
							Map<String, String> form = session.signForm(id, "COMMERCIAL", PASSWORD);
							formNanos.add(System.nanoTime() - f0);
							while (true) {
								boolean wrong = signRequests.incrementAndGet() % wrongEvery == 0;
								if (wrong) {
									form.put("password", WRONG_PASSWORD);
									wrongSent.incrementAndGet();
									wrongBySigner.merge(entry.getKey(), 1, Integer::sum);
								}
								long t0 = System.nanoTime();
								HttpResponse<String> response = session.postForm("/gates/" + id + "/tracks/COMMERCIAL/sign",
										form);
								signNanos.add(System.nanoTime() - t0);
								if (wrong) {
									if (response.statusCode() == 200 && response.body().contains(WRONG_PASSWORD_MESSAGE)) {
										wrongRefused.incrementAndGet();
									}
									else {
										errors.incrementAndGet();
										System.err.println("wrong password on " + id + " not refused: " + response.statusCode());
									}
									form.put("password", PASSWORD); // the signer types it again
									continue;
								}
								if (response.statusCode() == 302) {
									signed.incrementAndGet();
								}
								else if (response.statusCode() == 409) {
									conflicts.incrementAndGet();
								}
								else {
									errors.incrementAndGet();
									System.err.println("sign " + id + " -> " + response.statusCode());
								}
								break;
							}
							long p0 = System.nanoTime();
							HttpResponse<String> page = session.get("/gates/" + id);
							pageNanos.add(System.nanoTime() - p0);
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
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					finished.countDown();
				}
				return null;
			});
		}
		AtomicBoolean loadOver = new AtomicBoolean();
		Thread prober = new Thread(() -> {
			try {
				probe(reader, probeGateId, probeIntervalMs, Integer.MAX_VALUE, loaded, probeErrors, loadOver);
			}
			catch (Exception ex) {
				probeErrors.incrementAndGet();
			}
		});
		long loadStart = System.nanoTime();
		go.countDown();
		prober.start();
		finished.await(30, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - loadStart) / 1e9;
		loadOver.set(true);
		prober.join();
		pool.shutdown();

		double throughput = signed.get() / seconds;
		System.out.printf(Locale.ROOT, "load: %d signers, %d gates signed (%d sign requests, %d with a wrong password) in %.2f s: %.1f signatures/s%n",
				sessions.size(), signed.get(), signRequests.get(), wrongSent.get(), seconds, throughput);
		report("sign form GET", formNanos);
		report("sign POST", signNanos);
		report("signer's gate page", pageNanos);
		report("probe, unloaded", unloaded);
		report("probe, loaded", loaded);
		System.out.printf("wrong passwords: %d sent, %d refused on the form; errors: %d, conflicts (409): %d, probe errors: %d%n",
				wrongSent.get(), wrongRefused.get(), errors.get(), conflicts.get(), probeErrors.get());
		System.out.printf(Locale.ROOT, "RESULT signs_per_s=%.2f%n", throughput);
		System.out.printf(Locale.ROOT, "RESULT signed=%d%n", signed.get());
		System.out.printf(Locale.ROOT, "RESULT wrong_sent=%d%n", wrongSent.get());
		System.out.printf(Locale.ROOT, "RESULT wrong_refused=%d%n", wrongRefused.get());
		System.out.printf(Locale.ROOT, "RESULT sign_requests=%d%n", signRequests.get());
		System.out.printf(Locale.ROOT, "RESULT probe_unloaded_p99_ms=%.1f%n", pct(sorted(unloaded), 99));
		System.out.printf(Locale.ROOT, "RESULT probe_loaded_p99_ms=%.1f%n", pct(sorted(loaded), 99));
		System.out.printf(Locale.ROOT, "RESULT probe_loaded_n=%d%n", loaded.size());
		System.out.printf(Locale.ROOT, "RESULT errors=%d%n", errors.get() + probeErrors.get());
		boolean ok = errors.get() == 0 && probeErrors.get() == 0 && signed.get() == gates.size()
				&& wrongRefused.get() == wrongSent.get();
		return ok ? 0 : 1;
	}

	static void probe(Session reader, long gateId, int intervalMs, int samples, List<Long> into, AtomicInteger errors)
			throws Exception {
		probe(reader, gateId, intervalMs, samples, into, errors, new AtomicBoolean());
	}

	/** Reads the gate page at a fixed pace (a slow answer delays the next one, never piles up). */
	static void probe(Session reader, long gateId, int intervalMs, int samples, List<Long> into, AtomicInteger errors,
			AtomicBoolean stop) throws Exception {
		long next = System.nanoTime();
		for (int i = 0; i < samples && !stop.get(); i++) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			long t0 = System.nanoTime();
			HttpResponse<String> page = reader.get("/gates/" + gateId);
			long took = System.nanoTime() - t0;
			if (into != null && !stop.get()) {
				into.add(took);
			}
			if (page.statusCode() != 200 && errors != null) {
				errors.incrementAndGet();
			}
			next = Math.max(next + intervalMs * 1_000_000L, System.nanoTime());
		}
	}

	static List<Long> sorted(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted;
	}

	static void report(String what, List<Long> nanos) {
		List<Long> sorted = sorted(nanos);
		System.out.printf(Locale.ROOT, "%-19s n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", what,
				sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
				sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
	}

	/** Nearest-rank percentile in milliseconds. */
	static double pct(List<Long> sorted, double p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1)) / 1e6;
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
			String csrf = field(session.get("/login").body(), "_csrf");
			HttpResponse<String> response = session.postForm("/login",
					Map.of("username", username, "password", PASSWORD, "_csrf", csrf));
			if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException("login failed for " + username);
			}
			// As a browser does: one page after login creates the session's CSRF token before
			// concurrent requests of the same session could each create (and replace) one.
			session.get("/gates/queue");
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

		Map<String, String> signForm(long id, String track, String password) throws Exception {
			HttpResponse<String> page = get("/gates/" + id + "/tracks/" + track + "/sign");
			if (page.statusCode() != 200) {
				throw new IllegalStateException("sign form " + id + " -> " + page.statusCode());
			}
			Map<String, String> form = new LinkedHashMap<>();
			form.put("_csrf", field(page.body(), "_csrf"));
			form.put("shownHash", field(page.body(), "shownHash"));
			form.put("version", field(page.body(), "version"));
			form.put("meaning", "APPROVE");
			form.put("password", password);
			form.put("confirmed", "true");
			return form;
		}

		HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
			StringBuilder body = new StringBuilder();
			for (Map.Entry<String, String> e : fields.entrySet()) {
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
