package io.dualgate.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language link keeps the page and its query (a filtered list keeps its filter) and
 * replaces only {@code lang}.
 */
class LanguageSwitchTests {

	@Test
	void keepsTheQueryAndReplacesOnlyLang() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/prototypes");
		request.setQueryString("stage=POC&q=%E9%A3%8E%E9%99%A9&lang=en&page=2");
		assertThat(LanguageSwitch.url(request, "zh-CN"))
			.isEqualTo("/prototypes?stage=POC&q=%E9%A3%8E%E9%99%A9&page=2&lang=zh-CN");
	}

	@Test
	void addsLangToAPageWithoutQuery() {
		assertThat(LanguageSwitch.url(new MockHttpServletRequest("GET", "/gates/queue"), "en"))
			.isEqualTo("/gates/queue?lang=en");
	}

	@Test
	void aBadlyEncodedQueryIsDroppedRatherThanFailingThePage() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/prototypes");
		request.setQueryString("q=%ZZ");
		assertThat(LanguageSwitch.url(request, "zh-CN")).isEqualTo("/prototypes?lang=zh-CN");
	}

	@Test
	void anErrorPageSwitchesThePageThatFailed() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/gates/999");
		assertThat(LanguageSwitch.url(request, "en")).isEqualTo("/gates/999?lang=en");
	}

}
