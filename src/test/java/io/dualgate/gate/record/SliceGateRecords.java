package io.dualgate.gate.record;

import io.dualgate.SliceMocks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The printable gate records in a {@link io.dualgate.WebSliceTest}. */
@TestConfiguration(proxyBeanMethods = false)
@Import(GateRecordController.class)
public class SliceGateRecords {

	@Bean
	GateRecordPdf gateRecordPdf() {
		return SliceMocks.mock(GateRecordPdf.class);
	}

}
