package io.dualgate.gate.template;

import io.dualgate.SliceMocks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The checklist template administration in a {@link io.dualgate.WebSliceTest}. */
@TestConfiguration(proxyBeanMethods = false)
@Import(TemplateAdminController.class)
public class SliceTemplates {

	@Bean
	ChecklistTemplates checklistTemplates() {
		return SliceMocks.mock(ChecklistTemplates.class);
	}

}
