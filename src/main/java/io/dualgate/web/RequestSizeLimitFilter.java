package io.dualgate.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized bodies up front with 413 (the error page, or a problem detail for the
 * API), before anything reads them. Without it Tomcat silently drops the parameters of a
 * form over its limit, and the request fails later for a misleading reason (a missing
 * CSRF token). Multipart uploads have their own, larger limit
 * ({@code spring.servlet.multipart.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxFormBytes;

	private final long maxOtherBytes;

	RequestSizeLimitFilter(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm,
			@Value("${spring.servlet.multipart.max-request-size:52MB}") DataSize maxOther) {
		this.maxFormBytes = maxForm.toBytes();
		this.maxOtherBytes = maxOther.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		String type = request.getContentType();
		boolean form = type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
		long limit = form ? this.maxFormBytes : this.maxOtherBytes;
		if (length > limit) {
			response.setHeader("Connection", "close");
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			// A body Tomcat refused to parse (chunked, so its size was unknown up front).
			if (!refusedByTomcat(ex) || response.isCommitted()) {
				throw ex;
			}
			response.setHeader("Connection", "close");
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
		}
	}

	private static boolean refusedByTomcat(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
				return true;
			}
		}
		return false;
	}

}
