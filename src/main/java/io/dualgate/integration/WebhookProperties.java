package io.dualgate.integration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings.
 *
 * @param allowPrivateTargets allow URLs that resolve to loopback, link-local or private
 * addresses (off: they could reach internal services; tests turn it on for their local
 * receivers)
 * @param timeout connect and response timeout of one attempt
 * @param retryBase the first retry's delay; each next one doubles (with jitter)
 * @param retryCap the longest delay between two attempts
 * @param retryWindow how long a delivery is retried after its first attempt
 * @param disableAfter consecutive failed attempts after which an endpoint is disabled
 * @param dispatchInterval how often due deliveries are sent
 */
@ConfigurationProperties("dualgate.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue("PT5S") Duration timeout,
		@DefaultValue("PT10S") Duration retryBase, @DefaultValue("PT2H") Duration retryCap,
		@DefaultValue("PT24H") Duration retryWindow, @DefaultValue("20") int disableAfter,
		@DefaultValue("PT2S") Duration dispatchInterval) {
}
