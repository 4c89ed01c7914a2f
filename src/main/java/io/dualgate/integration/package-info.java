/**
 * Integration: webhook endpoints registered by admins, deliveries signed by the Standard
 * Webhooks scheme (or Slack's incoming-webhook format), retried with backoff for about a
 * day, and the log of every attempt.
 */
@ApplicationModule(displayName = "Webhooks", allowedDependencies = { "audit", "gate", "gate :: events", "metrics",
		"notifications", "people", "portfolio", "shared", "web" })
package io.dualgate.integration;

import org.springframework.modulith.ApplicationModule;
