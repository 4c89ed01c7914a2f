package io.dualgate.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.dualgate.shared.BoundedInputStream;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized bodies with 413 (the error page, or a problem detail for the API): at
 * once when the announced length is too large, before anything reads them; and for a body
 * without a length (chunked), as soon as whoever reads it passes the limit, counted byte
 * by byte ({@link LimitedBodyRequest}), so a 60 MB chunked upload is never read in full.
 * Without it Tomcat silently drops the parameters of a form over its limit, and the
 * request fails later for a misleading reason (a missing CSRF token). Multipart uploads
 * have their own, larger limit ({@code spring.servlet.multipart.*}). After a 413 Tomcat
 * closes the connection instead of draining the rest ({@link WebConfiguration}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	/** The meter of refused bodies: how many, and how much of each was read. */
	static final String REFUSED_BODIES = "dualgate.request.body.refused";

	private final long maxFormBytes;

	private final long maxOtherBytes;

	private final ObjectProvider<MeterRegistry> meters;

	RequestSizeLimitFilter(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm,
			@Value("${spring.servlet.multipart.max-request-size:52MB}") DataSize maxOther,
			ObjectProvider<MeterRegistry> meters) {
		this.maxFormBytes = maxForm.toBytes();
		this.maxOtherBytes = maxOther.toBytes();
		this.meters = meters;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		String type = request.getContentType();
		boolean form = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
		long limit = form ? this.maxFormBytes : this.maxOtherBytes;
		if (length > limit) {
			// Announced too large: refused before a byte is read.
			measure(0);
			response.setHeader("Connection", "close");
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		// Tomcat holds a body with a length to that length; one without is counted here.
		LimitedBodyRequest limited = (length < 0) ? new LimitedBodyRequest(request, limit) : null;
		try {
			chain.doFilter((limited != null) ? limited : request, response);
		}
		catch (RuntimeException | ServletException | IOException ex) {
			// A body refused while it was read (here or by Tomcat's own form limit).
			boolean tooLarge = BoundedInputStream.TooLarge.in(ex) != null || refusedByTomcat(ex);
			if (!tooLarge || response.isCommitted()) {
				throw ex;
			}
			refuseWhileReading(request, response, limit, (limited != null) ? limited.bytesRead() : 0);
			return;
		}
		if (limited != null && limited.exceeded() && !response.isCommitted()) {
			// Whoever read it turned the refusal into some other answer (a 400 "cannot
			// read"): the answer is 413.
			refuseWhileReading(request, response, limit, limited.bytesRead());
		}
	}

	/**
	 * 413 for a body that passed the limit while it was read; nothing more of it is read
	 * (after a 413 Tomcat closes the connection rather than draining the rest). The
	 * headers the security filters wrote stay; the body of any other answer goes. The
	 * problem has a length, so that a client still sending reads all of it before the
	 * connection closes.
	 */
	private void refuseWhileReading(HttpServletRequest request, HttpServletResponse response, long limit,
			long bytesRead) throws IOException {
		measure(bytesRead);
		response.setHeader("Connection", "close");
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		byte[] problem = ("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
				+ "\"detail\":\"The request body is larger than DualGate accepts (at most " + limit
				+ " bytes).\",\"code\":\"request.tooLarge\",\"limit\":" + limit + "}")
			.getBytes(StandardCharsets.UTF_8);
		response.resetBuffer();
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(problem.length);
		response.getOutputStream().write(problem);
		response.flushBuffer();
	}

	/** How much of each refused body was read: 0 when refused by its announced length. */
	private void measure(long bytesRead) {
		MeterRegistry registry = this.meters.getIfAvailable();
		if (registry != null) {
			DistributionSummary.builder(REFUSED_BODIES)
				.description("Bytes read of bodies refused for their size (0: refused by their announced length)")
				.baseUnit("bytes")
				.register(registry)
				.record(bytesRead);
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
