package io.dualgate.portfolio;

import io.dualgate.SliceMocks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The portfolio's pages and API in a {@link io.dualgate.WebSliceTest}. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ PrototypeController.class, PrototypeApiController.class, ExpiringEvidenceController.class })
public class SlicePortfolio {

	@Bean
	Portfolio portfolio() {
		return SliceMocks.mock(Portfolio.class);
	}

}
