package io.dualgate.integration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.dualgate.audit.AuditLog;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints and their deliveries. Admins register an endpoint (its signing secret
 * is shown once), read its delivery log, send a delivery again and re-enable an endpoint
 * that was disabled after repeated failures.
 */
@Service
@Transactional(readOnly = true)
class Webhooks {

	private final JdbcClient jdbc;

	private final WebhookTargets targets;

	private final AuditLog auditLog;

	private final JsonMapper json;

	private final Clock clock;

	Webhooks(JdbcClient jdbc, WebhookTargets targets, AuditLog auditLog, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.auditLog = auditLog;
		this.json = json;
		this.clock = clock;
	}

	/** What an admin registers. */
	record Registration(String url, List<String> events, String format) {
	}

	/** A new endpoint with its secret, shown this once. */
	record Registered(long id, String url, List<String> events, String format, String secret) {
	}

	record Endpoint(long id, String url, List<String> events, String format, boolean enabled, int consecutiveFailures,
			Instant disabledAt, String disabledReason, Instant createdAt) {
	}

	record Delivery(long id, long endpointId, String messageId, String eventType, String status, int attempts,
			Instant nextAttemptAt, Instant deliveredAt, Instant createdAt, List<Attempt> log) {
	}

	record Attempt(int attempt, Instant at, Integer statusCode, int durationMs, String error) {
	}

	@Transactional
	Registered register(Registration registration, long actingUserId) {
		String url = this.targets.check(registration.url()).toString();
		if (registration.events() == null || registration.events().isEmpty()) {
			throw new InvalidFieldException("events", "webhook.events.required");
		}
		Set<String> events = new LinkedHashSet<>();
		for (String event : registration.events()) {
			String name = (event != null) ? event.strip() : "";
			if (WebhookEventType.ofWireName(name).isEmpty()) {
				throw new InvalidFieldException("events", "webhook.events.unknown",
						(name.length() > 40) ? name.substring(0, 40) : name);
			}
			events.add(name);
		}
		String format = (registration.format() == null || registration.format().isBlank()) ? "standard"
				: registration.format().strip().toLowerCase(Locale.ROOT);
		if (!format.equals("standard") && !format.equals("slack")) {
			throw new InvalidFieldException("format", "webhook.format.invalid");
		}
		String secret = StandardWebhooks.newSecret();
		long id = this.jdbc.sql("""
				insert into webhook_endpoint (url, events, format, secret, created_by, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(url, String.join(",", events), format, secret, actingUserId, Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		this.auditLog.record("WEBHOOK_REGISTERED", "webhook", id, null,
				AuditLog.values("url", url, "events", List.copyOf(events), "format", format), null);
		return new Registered(id, url, List.copyOf(events), format, secret);
	}

	List<Endpoint> endpoints() {
		return this.jdbc.sql(ENDPOINT + " order by id").query(Webhooks::endpoint).list();
	}

	Endpoint endpoint(long id) {
		return this.jdbc.sql(ENDPOINT + " where id = ?")
			.param(id)
			.query(Webhooks::endpoint)
			.optional()
			.orElseThrow(() -> new NotFoundException("webhook.notFound", id));
	}

	/** An endpoint's deliveries, newest first, each with its attempts. */
	List<Delivery> deliveries(long endpointId, int limit) {
		endpoint(endpointId);
		List<Delivery> deliveries = this.jdbc
			.sql("""
					select id, endpoint_id, message_id, event_type, status, attempts, next_attempt_at, delivered_at, created_at
					from webhook_delivery where endpoint_id = ? order by created_at desc, id desc limit ?""")
			.params(endpointId, Math.max(1, Math.min(limit, 500)))
			.query((rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
					instant(rs.getTimestamp(9)), List.of()))
			.list();
		if (deliveries.isEmpty()) {
			return deliveries;
		}
		Map<Long, List<Attempt>> attempts = this.jdbc.sql("""
				select a.delivery_id, a.attempt, a.attempted_at, a.status_code, a.duration_ms, a.error
				from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id
				where d.endpoint_id = ? order by a.delivery_id, a.attempt""")
			.param(endpointId)
			.query((rs, n) -> Map.entry(rs.getLong(1),
					new Attempt(rs.getInt(2), rs.getTimestamp(3).toInstant(), (Integer) rs.getObject(4), rs.getInt(5),
							rs.getString(6))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return deliveries.stream()
			.map((d) -> new Delivery(d.id(), d.endpointId(), d.messageId(), d.eventType(), d.status(), d.attempts(),
					d.nextAttemptAt(), d.deliveredAt(), d.createdAt(), attempts.getOrDefault(d.id(), List.of())))
			.toList();
	}

	/**
	 * Sends a delivery again now, with the same {@code webhook-id} (receivers
	 * de-duplicate by it).
	 */
	@Transactional
	void sendAgain(long endpointId, long deliveryId) {
		int updated = this.jdbc.sql("""
				update webhook_delivery set status = 'PENDING', next_attempt_at = ?, first_attempt_at = null
				where id = ? and endpoint_id = ?""")
			.params(Timestamp.from(this.clock.instant()), deliveryId, endpointId)
			.update();
		if (updated != 1) {
			throw new NotFoundException("webhook.delivery.notFound", deliveryId);
		}
		this.auditLog.record("WEBHOOK_DELIVERY_RESENT", "webhook", endpointId, null,
				AuditLog.values("delivery", deliveryId), null);
	}

	@Transactional
	void enable(long endpointId) {
		endpoint(endpointId);
		this.jdbc.sql("""
				update webhook_endpoint set enabled = true, consecutive_failures = 0, disabled_at = null,
				    disabled_reason = null, version = version + 1 where id = ?""").param(endpointId).update();
		this.auditLog.record("WEBHOOK_ENABLED", "webhook", endpointId, AuditLog.values("enabled", false),
				AuditLog.values("enabled", true), null);
	}

	/**
	 * Queues one event for every enabled endpoint subscribed to it, once per endpoint and
	 * event key (a retried listener queues nothing twice).
	 */
	@Transactional
	int enqueue(WebhookEventType type, String eventKey, Instant at, Map<String, Object> data) {
		List<Endpoint> subscribed = endpoints().stream()
			.filter((e) -> e.enabled() && e.events().contains(type.wireName()))
			.toList();
		int queued = 0;
		for (Endpoint endpoint : subscribed) {
			String body = payload(endpoint.format(), type, at, data);
			queued += this.jdbc.sql("""
					insert into webhook_delivery (endpoint_id, message_id, event_type, event_key, payload, status,
					    next_attempt_at, created_at)
					values (?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict (endpoint_id, event_key) do nothing""")
				.params(endpoint.id(), StandardWebhooks.newMessageId(), type.wireName(), eventKey, body,
						Timestamp.from(this.clock.instant()), Timestamp.from(this.clock.instant()))
				.update();
		}
		return queued;
	}

	private String payload(String format, WebhookEventType type, Instant at, Map<String, Object> data) {
		if (format.equals("slack")) {
			return this.json.writeValueAsString(Map.of("text", SlackText.of(type, data)));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.wireName());
		body.put("timestamp", at.toString());
		body.put("data", data);
		return this.json.writeValueAsString(body);
	}

	private static final String ENDPOINT = "select id, url, events, format, enabled, consecutive_failures, disabled_at,"
			+ " disabled_reason, created_at from webhook_endpoint";

	private static Endpoint endpoint(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Endpoint(rs.getLong(1), rs.getString(2), Arrays.asList(rs.getString(3).split(",")), rs.getString(4),
				rs.getBoolean(5), rs.getInt(6), instant(rs.getTimestamp(7)), rs.getString(8),
				instant(rs.getTimestamp(9)));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
