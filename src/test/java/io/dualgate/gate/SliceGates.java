package io.dualgate.gate;

import io.dualgate.SliceMocks;
import io.dualgate.gate.api.SliceGateApi;
import io.dualgate.gate.record.SliceGateRecords;
import io.dualgate.gate.template.SliceTemplates;
import io.dualgate.gate.web.SliceGatePages;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The gate module's pages, records and API in a {@link io.dualgate.WebSliceTest}. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SliceGatePages.class, SliceGateApi.class, SliceGateRecords.class, SliceTemplates.class })
public class SliceGates {

	@Bean
	Gates gates() {
		return SliceMocks.mock(Gates.class);
	}

}
