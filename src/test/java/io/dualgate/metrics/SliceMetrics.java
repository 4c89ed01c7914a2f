package io.dualgate.metrics;

import io.dualgate.SliceMocks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The evidence pages and API in a {@link io.dualgate.WebSliceTest}. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ MetricsController.class, ObservationApiController.class, ObservationDownloadController.class })
public class SliceMetrics {

	@Bean
	Metrics metrics() {
		return SliceMocks.mock(Metrics.class);
	}

	@Bean
	KillCriteria killCriteria() {
		return SliceMocks.mock(KillCriteria.class);
	}

}
