package io.dualgate.audit;

import io.dualgate.SliceMocks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The audit trail's page and API in a {@link io.dualgate.WebSliceTest}. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ AuditController.class, AuditApiController.class })
public class SliceAudit {

	@Bean
	AuditTrail auditTrail() {
		return SliceMocks.mock(AuditTrail.class);
	}

	@Bean
	AuditExport auditExport() {
		return SliceMocks.mock(AuditExport.class);
	}

	@Bean
	AuditProperties auditProperties() {
		return new AuditProperties(java.time.Period.ofYears(10));
	}

}
