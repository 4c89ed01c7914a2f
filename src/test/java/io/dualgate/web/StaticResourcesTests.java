package io.dualgate.web;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files are served from their folders and the WebJars; a page's links to them are
 * found (and cached), links to pages are not looked up as files at all.
 */
@IntegrationTest
class StaticResourcesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Test
	void ourFilesAndTheWebJarsAreServed() {
		assertThat(this.mvc.get().uri("/css/dualgate.css")).hasStatusOk().hasContentType("text/css");
		assertThat(this.mvc.get().uri("/js/alignment.js")).hasStatusOk();
		assertThat(this.mvc.get().uri("/img/favicon.svg")).hasStatusOk();
		assertThat(this.mvc.get().uri("/webjars/bootstrap/css/bootstrap.min.css")).hasStatusOk();
		assertThat(this.mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js")).hasStatusOk();
	}

	@Test
	void linksToStaticFilesResolveAndLinksToPagesAreNotLookedUp() {
		assertThat(this.resourceUrls.getForLookupPath("/css/dualgate.css")).isEqualTo("/css/dualgate.css");
		assertThat(this.resourceUrls.getForLookupPath("/img/favicon.svg")).isEqualTo("/img/favicon.svg");
		assertThat(this.resourceUrls.getForLookupPath("/webjars/bootstrap/css/bootstrap.min.css"))
			.matches("/webjars/bootstrap/[0-9.]+/css/bootstrap.min.css");
		assertThat(this.resourceUrls.getForLookupPath("/gates/1")).isNull();
		assertThat(this.resourceUrls.getForLookupPath("/prototypes")).isNull();
	}

}
