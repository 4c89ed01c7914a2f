package io.dualgate.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The layout's language link: the page the person is on, with its query kept (a filtered
 * list keeps its filter) and only {@code lang} replaced.
 */
@Component("languageSwitch")
public class LanguageSwitch {

	/**
	 * A relative link to the current page in {@code language} ({@code en},
	 * {@code zh-CN}).
	 */
	public String url(String language) {
		ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return "?lang=" + language;
		}
		return url(attributes.getRequest(), language);
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
