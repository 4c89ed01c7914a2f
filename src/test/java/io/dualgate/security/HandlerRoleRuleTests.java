package io.dualgate.security;

import java.util.List;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TRUST 19: every handler states its own role rule ({@code @PreAuthorize} on the method
 * or its controller), enforced on the server whatever the URL rules and the buttons say.
 */
@IntegrationTest
class HandlerRoleRuleTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void everyHandlerCarriesAnExplicitRoleRule() {
		List<Endpoint> endpoints = Endpoint.all(this.mapping);
		assertThat(endpoints).isNotEmpty();
		List<String> unguarded = endpoints.stream()
			.filter((endpoint) -> !AnnotatedElementUtils.hasAnnotation(endpoint.handler().getMethod(),
					PreAuthorize.class)
					&& !AnnotatedElementUtils.hasAnnotation(endpoint.handler().getBeanType(), PreAuthorize.class))
			.map((endpoint) -> endpoint.key() + " -> " + endpoint.handler().getShortLogMessage())
			.toList();
		assertThat(unguarded).as("handlers without @PreAuthorize").isEmpty();
	}

}
