package io.dualgate.maturity;

import io.dualgate.SliceMocks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The maturity assessment pages in a {@link io.dualgate.WebSliceTest}. */
@TestConfiguration(proxyBeanMethods = false)
@Import(MaturityController.class)
public class SliceMaturity {

	@Bean
	Maturity maturity() {
		return SliceMocks.mock(Maturity.class);
	}

}
