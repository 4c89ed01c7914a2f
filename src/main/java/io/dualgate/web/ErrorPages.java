package io.dualgate.web;

import java.util.Set;

import io.dualgate.shared.SecurityHeaders;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever ends in the servlet container's error dispatch: a body refused for its size, a
 * request the firewall refused, an exception no handler caught, a status set with
 * {@code sendError} (Spring Security's 403, for example). Under {@code /api/} and
 * {@code /actuator/} a problem detail, elsewhere our error page; never the exception, and
 * always with the security headers (some of these answers never passed the filters that
 * write them).
 */
@Controller
class ErrorPages implements ErrorController {

	/** Statuses with a page of their own; the others share 4xx or 5xx. */
	private static final Set<Integer> OWN_PAGES = Set.of(403, 404, 409, 413, 503);

	private final ApiProblems problems;

	ErrorPages(ApiProblems problems) {
		this.problems = problems;
	}

	@RequestMapping("${server.error.path:/error}")
	Object error(HttpServletRequest request, HttpServletResponse response) {
		HttpStatusCode status = status(request);
		SecurityHeaders.applyMissing(response);
		if (machineReadable(originalPath(request))) {
			return ResponseEntity.status(status)
				.contentType(ApiProblems.contentType())
				.body(this.problems.forStatus(status));
		}
		String view = OWN_PAGES.contains(status.value()) ? "error/" + status.value()
				: status.is5xxServerError() ? "error/5xx" : "error/4xx";
		return new ModelAndView(view, status);
	}

	static boolean machineReadable(String path) {
		return ApiProblems.isApi(path) || (path != null && path.startsWith("/actuator/"));
	}

	private static HttpStatusCode status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value && value >= 400 && value <= 599) {
			return HttpStatusCode.valueOf(value);
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String originalPath(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (uri != null) ? uri.toString() : request.getRequestURI();
		String context = request.getContextPath();
		return (context != null && !context.isEmpty() && path.startsWith(context)) ? path.substring(context.length())
				: path;
	}

}
