package io.dualgate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.dualgate.alignment.SliceAlignment;
import io.dualgate.audit.SliceAudit;
import io.dualgate.config.SliceSecurity;
import io.dualgate.gate.SliceGates;
import io.dualgate.integration.SliceWebhooks;
import io.dualgate.maturity.SliceMaturity;
import io.dualgate.metrics.SliceMetrics;
import io.dualgate.notifications.SliceNotifications;
import io.dualgate.people.SlicePeople;
import io.dualgate.poc.SlicePocs;
import io.dualgate.portfolio.SlicePortfolio;
import io.dualgate.web.SliceWebLayer;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;

/**
 * A {@code @WebMvcTest} slice of DualGate's pages and API: the controllers, the real
 * security configuration (filter chains, {@code @PreAuthorize}, CSRF, headers), the error
 * advices, filters and templates, and no database: the services behind the controllers
 * are mocks (reset after each test) that a test {@code @Autowired}s and stubs. Every
 * slice test class carries exactly this annotation and declares no {@code @MockitoBean}
 * of its own, so that all of them share one small application context.
 * <p>
 * Nothing is picked up by scanning: each module's {@code Slice*} configuration names its
 * controllers and mocks their services. A controller that gains a collaborator needs a
 * mock of it there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(useDefaultFilters = false)
@Import({ SliceWebLayer.class, SliceSecurity.class, SlicePeople.class, SlicePortfolio.class, SliceGates.class,
		SliceMetrics.class, SliceMaturity.class, SlicePocs.class, SliceNotifications.class, SliceWebhooks.class,
		SliceAlignment.class, SliceAudit.class })
public @interface WebSliceTest {

}
