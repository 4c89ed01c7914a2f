package io.dualgate.integration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.dualgate.notifications.NotificationType;
import io.dualgate.notifications.Notifications;
import io.dualgate.shared.InvalidFieldException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries, off every request's thread and on one node at a time
 * (ShedLock; each delivery is also claimed by a row lock). One attempt waits at most
 * {@code dualgate.webhooks.timeout} (5 s); a failure is retried with exponential backoff
 * and jitter for {@code retry-window} (about a day) with the same {@code webhook-id}.
 * Every attempt is logged; {@code disable-after} (20) consecutive failures disable the
 * endpoint and tell the admins.
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	static final int BATCH = 50;

	private final JdbcClient jdbc;

	private final WebhookTargets targets;

	private final WebhookProperties properties;

	private final Notifications notifications;

	private final TransactionTemplate transactions;

	private final HttpClient http;

	private final Clock clock;

	WebhookDispatcher(JdbcClient jdbc, WebhookTargets targets, WebhookProperties properties,
			Notifications notifications, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.properties = properties;
		this.notifications = notifications;
		this.transactions = new TransactionTemplate(transactionManager);
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${dualgate.webhooks.dispatch-interval:PT2S}")
	@SchedulerLock(name = "webhook-dispatch", lockAtMostFor = "PT10M", lockAtLeastFor = "PT0S")
	public void dispatch() {
		List<Long> due = this.jdbc.sql("""
				select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
				where d.status = 'PENDING' and d.next_attempt_at <= ? and e.enabled
				order by d.next_attempt_at, d.id limit ?""")
			.params(Timestamp.from(this.clock.instant()), BATCH)
			.query(Long.class)
			.list();
		for (long id : due) {
			try {
				this.transactions.executeWithoutResult((status) -> attempt(id));
			}
			catch (RuntimeException ex) {
				log.warn("Webhook delivery {} could not be attempted: {}", id, ex.toString());
			}
		}
	}

	private void attempt(long deliveryId) {
		Due delivery = this.jdbc.sql("""
				select d.id, d.endpoint_id, d.message_id, d.payload, d.attempts, d.first_attempt_at, e.url, e.secret,
				       e.consecutive_failures
				from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
				where d.id = ? and d.status = 'PENDING' and e.enabled for update of d, e skip locked""")
			.param(deliveryId)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					(rs.getTimestamp(6) != null) ? rs.getTimestamp(6).toInstant() : null, rs.getString(7),
					rs.getString(8), rs.getInt(9)))
			.optional()
			.orElse(null);
		if (delivery == null) {
			return;
		}
		Instant started = this.clock.instant();
		int attempt = delivery.attempts() + 1;
		Integer status = null;
		String error = null;
		long startNanos = System.nanoTime();
		try {
			URI target = this.targets.check(delivery.url());
			long timestamp = started.getEpochSecond();
			HttpRequest request = HttpRequest.newBuilder(target)
				.timeout(this.properties.timeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "DualGate-Webhooks/1")
				.header("webhook-id", delivery.messageId())
				.header("webhook-timestamp", String.valueOf(timestamp))
				.header("webhook-signature",
						StandardWebhooks.sign(delivery.secret(), delivery.messageId(), timestamp, delivery.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
				.build();
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
			if (status < 200 || status >= 300) {
				error = "HTTP " + status;
			}
		}
		catch (InvalidFieldException ex) {
			error = "target refused: " + ex.messageCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Exception ex) {
			String message = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
			error = (message.length() > 300) ? message.substring(0, 300) : message;
		}
		int durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000);
		this.jdbc.sql("""
				insert into webhook_attempt (delivery_id, attempt, attempted_at, status_code, duration_ms, error)
				values (?, ?, ?, ?, ?, ?)""")
			.params(delivery.id(), attempt, Timestamp.from(started), status, durationMs, error)
			.update();
		Instant first = (delivery.firstAttemptAt() != null) ? delivery.firstAttemptAt() : started;
		if (error == null) {
			this.jdbc
				.sql("""
						update webhook_delivery set status = 'DELIVERED', attempts = ?, delivered_at = ?, next_attempt_at = null,
						    first_attempt_at = ? where id = ?""")
				.params(attempt, Timestamp.from(this.clock.instant()), Timestamp.from(first), delivery.id())
				.update();
			this.jdbc.sql("update webhook_endpoint set consecutive_failures = 0 where id = ?")
				.param(delivery.endpointId())
				.update();
			return;
		}
		Instant next = this.clock.instant().plus(backoff(attempt));
		boolean givingUp = next.isAfter(first.plus(this.properties.retryWindow()));
		this.jdbc
			.sql("""
					update webhook_delivery set status = ?, attempts = ?, next_attempt_at = ?, first_attempt_at = ? where id = ?""")
			.params(givingUp ? "FAILED" : "PENDING", attempt, givingUp ? null : Timestamp.from(next),
					Timestamp.from(first), delivery.id())
			.update();
		int failures = delivery.consecutiveFailures() + 1;
		this.jdbc.sql("update webhook_endpoint set consecutive_failures = ? where id = ?")
			.params(failures, delivery.endpointId())
			.update();
		if (failures >= this.properties.disableAfter()) {
			disable(delivery, failures);
		}
	}

	private void disable(Due delivery, int failures) {
		int disabled = this.jdbc.sql("""
				update webhook_endpoint set enabled = false, disabled_at = ?, disabled_reason = ?, version = version + 1
				where id = ? and enabled""")
			.params(Timestamp.from(this.clock.instant()), failures + " consecutive failed attempts",
					delivery.endpointId())
			.update();
		if (disabled == 1) {
			log.warn("Webhook endpoint {} disabled after {} consecutive failures", delivery.endpointId(), failures);
			this.notifications.toAdmins(NotificationType.WEBHOOK_DISABLED, List.of(delivery.url(), failures),
					"/admin/webhooks/" + delivery.endpointId(),
					"webhook-disabled:" + delivery.endpointId() + ":" + this.clock.instant().toEpochMilli());
		}
	}

	/**
	 * Exponential backoff with jitter: the base doubled per attempt, capped, then spread
	 * over 75-125 % so that many failing deliveries do not retry in lockstep.
	 */
	Duration backoff(int attempt) {
		long base = this.properties.retryBase().toMillis();
		long cap = this.properties.retryCap().toMillis();
		long exponential = (attempt >= 40) ? cap : Math.min(cap, base * (1L << Math.max(0, attempt - 1)));
		double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
		return Duration.ofMillis(Math.max(1, (long) (exponential * jitter)));
	}

	private record Due(long id, long endpointId, String messageId, String payload, int attempts, Instant firstAttemptAt,
			String url, String secret, int consecutiveFailures) {
	}

}
