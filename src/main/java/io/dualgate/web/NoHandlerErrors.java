package io.dualgate.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests no handler took: an unknown path, or a method or media type that no endpoint
 * at that path accepts. Under {@code /api/} a problem detail (API clients parse every
 * error the same way), elsewhere the error page with the right status. (Without
 * selectors, so that it applies where no handler was chosen.)
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class NoHandlerErrors {

	private final ApiProblems problems;

	NoHandlerErrors(ApiProblems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object unknownPath(NoResourceFoundException ex, HttpServletRequest request) {
		return answer(ex, HttpStatus.NOT_FOUND, request, "error/404");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		Object answer = answer(ex, HttpStatus.METHOD_NOT_ALLOWED, request, "error/4xx");
		if (answer instanceof ResponseEntity<?> entity && ex.getSupportedHttpMethods() != null) {
			return ResponseEntity.status(entity.getStatusCode())
				.contentType(ApiProblems.contentType())
				.allow(ex.getSupportedHttpMethods().toArray(new org.springframework.http.HttpMethod[0]))
				.body(entity.getBody());
		}
		return answer;
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return answer(ex, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request, "error/4xx");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
		return answer(ex, HttpStatus.NOT_ACCEPTABLE, request, "error/4xx");
	}

	private Object answer(Exception ex, HttpStatusCode status, HttpServletRequest request, String page) {
		if (ApiProblems.isApi(request.getRequestURI().substring(request.getContextPath().length()))) {
			ProblemDetail problem = this.problems.problem(ex, status);
			return ResponseEntity.status(status).contentType(ApiProblems.contentType()).body(problem);
		}
		return new ModelAndView(page, status);
	}

}
