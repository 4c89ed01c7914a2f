package io.dualgate.integration;

import io.dualgate.SliceMocks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The webhook administration and API in a {@link io.dualgate.WebSliceTest}. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ WebhookAdminController.class, WebhookApiController.class })
public class SliceWebhooks {

	@Bean
	Webhooks webhooks() {
		return SliceMocks.mock(Webhooks.class);
	}

}
