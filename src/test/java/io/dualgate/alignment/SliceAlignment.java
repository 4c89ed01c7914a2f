package io.dualgate.alignment;

import io.dualgate.SliceMocks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The alignment dashboard, its pairs and its API in a {@link io.dualgate.WebSliceTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ AlignmentController.class, AlignmentApiController.class, AlignmentPairController.class })
public class SliceAlignment {

	@Bean
	AlignmentDashboard alignmentDashboard() {
		return SliceMocks.mock(AlignmentDashboard.class);
	}

	@Bean
	AlignmentPairAdministration alignmentPairAdministration() {
		return SliceMocks.mock(AlignmentPairAdministration.class);
	}

}
