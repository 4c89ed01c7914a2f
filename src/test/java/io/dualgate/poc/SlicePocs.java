package io.dualgate.poc;

import io.dualgate.SliceMocks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The POC pages in a {@link io.dualgate.WebSliceTest}. */
@TestConfiguration(proxyBeanMethods = false)
@Import(PocController.class)
public class SlicePocs {

	@Bean
	Pocs pocs() {
		return SliceMocks.mock(Pocs.class);
	}

}
