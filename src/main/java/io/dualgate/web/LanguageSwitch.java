package io.dualgate.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The layout's language link: the page the person is on, with its query kept (a filtered
 * list keeps its filter) and only {@code lang} replaced. Exposed to templates as the
 * request attribute {@value #ATTRIBUTE} (a map from language tag to link), set before
 * every handler, error pages included (Thymeleaf does not allow calling beans from a link
 * attribute).
 */
@Component
class LanguageSwitch implements WebMvcConfigurer, HandlerInterceptor {

	static final String ATTRIBUTE = "languageLinks";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		request.setAttribute(ATTRIBUTE, Map.of("en", url(request, "en"), "zh", url(request, "zh-CN")));
		return true;
	}

	static String url(HttpServletRequest request, String language) {
		// An error page is rendered for the path that failed, not for /error.
		Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (failedPath instanceof String failed) ? failed : request.getRequestURI();
		String query = (failedPath instanceof String) ? null : request.getQueryString();
		try {
			return UriComponentsBuilder.fromPath(path)
				.query(query)
				.replaceQueryParam("lang", language)
				.build(true)
				.toUriString();
		}
		catch (IllegalArgumentException ex) {
			// a query the browser sent badly encoded: switch the language, drop the rest
			return UriComponentsBuilder.fromPath(path).queryParam("lang", language).encode().build().toUriString();
		}
	}

}
