package io.dualgate.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The last line when the database is away: failures that escape the controllers (loading
 * the session or the security context, committing the session) become a 503 with
 * {@code Retry-After} — a problem detail for the API, a short page for people — instead
 * of a 500. Runs before Spring Session, whose repository lives in the same database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final MessageSource messages;

	private final LocaleResolver locales;

	DatabaseUnavailableFilter(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseTrouble.isUnavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable, answered 503: {}", ex.toString());
			response.reset();
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", DatabaseTrouble.RETRY_AFTER_SECONDS);
			response.setHeader("Cache-Control", "no-store");
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				String detail = this.messages.getMessage(DatabaseTrouble.MESSAGE_CODE, null, Locale.ENGLISH);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getWriter()
					.write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
							+ detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"code\":\""
							+ DatabaseTrouble.MESSAGE_CODE + "\"}");
				return;
			}
			Locale locale = this.locales.resolveLocale(request);
			String title = HtmlUtils.htmlEscape(this.messages.getMessage("error.503.title", null, locale));
			String text = HtmlUtils.htmlEscape(this.messages.getMessage(DatabaseTrouble.MESSAGE_CODE, null, locale));
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding("UTF-8");
			PrintWriter out = response.getWriter();
			out.write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.toLanguageTag())
					+ "\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><main><h1>" + title
					+ "</h1><p>" + text + "</p></main></body></html>");
		}
	}

}
