package io.dualgate.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.dualgate.shared.BoundedInputStream;
import io.dualgate.shared.SecurityHeaders;
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
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized bodies with 413 (the error page, or a problem detail for the API): at
 * once when the announced length is too large, before anything reads them; and for a body
 * without a length (chunked), as soon as whoever reads it passes the limit, counted byte
 * by byte ({@link LimitedBodyRequest}): the application reads one byte past the limit and
 * no more, so a 60 MB chunked upload is never read, parsed or stored in full. After the
 * answer Tomcat discards at most {@code server.tomcat.max-swallow-size} more of the body
 * (so that the client reads the 413 rather than a reset connection) and closes the
 * connection. Without this filter Tomcat silently drops the parameters of a form over its
 * limit, and the request fails later for a misleading reason (a missing CSRF token).
 * Multipart uploads have their own, larger limit ({@code spring.servlet.multipart.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	/** The meter of refused bodies: how many, and how much of each was read. */
	static final String REFUSED_BODIES = "dualgate.request.body.refused";

	private final long maxFormBytes;

	private final long maxOtherBytes;

	private final ObjectProvider<MeterRegistry> meters;

	private final ApiProblems problems;

	RequestSizeLimitFilter(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm,
			@Value("${spring.servlet.multipart.max-request-size:52MB}") DataSize maxOther,
			ObjectProvider<MeterRegistry> meters, ApiProblems problems) {
		this.maxFormBytes = maxForm.toBytes();
		this.maxOtherBytes = maxOther.toBytes();
		this.meters = meters;
		this.problems = problems;
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
	 * 413 for a body that passed the limit while it was read; the application reads
	 * nothing more of it. The headers the security filters wrote stay; the body of any
	 * other answer goes. The problem has a length (and no "Connection: close" of ours,
	 * which would make Tomcat end the body by closing the connection).
	 */
	private void refuseWhileReading(HttpServletRequest request, HttpServletResponse response, long limit,
			long bytesRead) throws IOException {
		measure(bytesRead);
		if (!ApiProblems.isApi(request.getRequestURI().substring(request.getContextPath().length()))) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		// The same words and type as every other 413 of the API (ApiProblems), with a
		// length.
		ProblemDetail tooLarge = this.problems.forStatus(HttpStatus.CONTENT_TOO_LARGE);
		byte[] problem = ("{\"type\":" + json(String.valueOf(tooLarge.getType())) + ",\"title\":"
				+ json(tooLarge.getTitle()) + ",\"status\":413,\"detail\":" + json(tooLarge.getDetail()) + ",\"code\":"
				+ json(String.valueOf(tooLarge.getProperties().get("code"))) + ",\"limit\":" + limit + "}")
			.getBytes(StandardCharsets.UTF_8);
		response.resetBuffer();
		SecurityHeaders.applyMissing(response);
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(problem.length);
		response.getOutputStream().write(problem);
		response.flushBuffer();
	}

	/** Our own message texts as JSON strings (quotes and backslashes escaped). */
	private static String json(String text) {
		String value = (text != null) ? text : "";
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
