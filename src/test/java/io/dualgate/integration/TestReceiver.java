package io.dualgate.integration;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 (the JDK's HTTP server): answers the first
 * {@code failures} requests with 503, the rest with 200, keeps what it got, and checks
 * each signature with the Standard Webhooks algorithm written here independently of the
 * application's code.
 */
final class TestReceiver implements AutoCloseable {

	record Received(String id, String timestamp, String signature, String body, boolean signatureValid) {
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft;

	private volatile String secret;

	/** How long the first answers wait (a slow receiver), in milliseconds. */
	private final AtomicInteger slowAnswersLeft = new AtomicInteger();

	private volatile long slowMillis;

	private final CountDownLatch released = new CountDownLatch(1);

	TestReceiver(int failures) throws IOException {
		this.failuresLeft = new AtomicInteger(failures);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hook", (exchange) -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
			String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
			this.received.add(new Received(id, timestamp, signature, body, verify(id, timestamp, signature, body)));
			if (this.slowAnswersLeft.getAndDecrement() > 0) {
				try {
					// hangs like a slow receiver, until the time is up or the test ends
					this.released.await(this.slowMillis, TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			int status = (this.failuresLeft.getAndDecrement() > 0) ? 503 : 200;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
	}

	/**
	 * The next {@code answers} answers come after {@code millis}, as from a slow
	 * receiver.
	 */
	void slow(int answers, long millis) {
		this.slowMillis = millis;
		this.slowAnswersLeft.set(answers);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	void secret(String secret) {
		this.secret = secret;
	}

	List<Received> received() {
		return this.received;
	}

	List<Received> receivedContaining(String text) {
		return this.received.stream().filter((r) -> r.body().contains(text)).toList();
	}

	/**
	 * Standard Webhooks: v1 = base64(HMAC-SHA256(base64-decoded secret,
	 * "id.timestamp.body")).
	 */
	private boolean verify(String id, String timestamp, String header, String body) {
		if (this.secret == null || id == null || timestamp == null || header == null) {
			return false;
		}
		try {
			long seconds = Long.parseLong(timestamp);
			if (Math.abs(Instant.now().getEpochSecond() - seconds) > 300) {
				return false;
			}
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(this.secret.substring("whsec_".length())),
					"HmacSHA256"));
			String expected = Base64.getEncoder()
				.encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
			for (String candidate : header.split(" ")) {
				if (candidate.equals("v1," + expected)) {
					return true;
				}
			}
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.released.countDown();
		this.server.stop(0);
	}

}
