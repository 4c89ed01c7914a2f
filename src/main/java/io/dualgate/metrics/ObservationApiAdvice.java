package io.dualgate.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused import as RFC 9457 problem details: 400 for a malformed body (empty, not
 * UTF-8), 422 with an {@code errors} list (line or index, field, message) for bad cells.
 */
@RestControllerAdvice(assignableTypes = ObservationApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ObservationApiAdvice {

	private final MessageSource messages;

	ObservationApiAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ObservationsRejected.class)
	ProblemDetail rejected(ObservationsRejected ex, jakarta.servlet.http.HttpServletRequest request) {
		boolean json = request.getContentType() != null && request.getContentType().contains("json");
		HttpStatus status = ex.malformed() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(ex.code(), ex.arguments(), ex.code(), Locale.ENGLISH));
		problem.setProperty("code", ex.code());
		if (!ex.malformed()) {
			List<Map<String, Object>> errors = ex.errors().stream().map((error) -> {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put(json ? "index" : "line", error.line());
				item.put("field", error.field());
				item.put("message",
						this.messages.getMessage(error.code(), error.arguments(), error.code(), Locale.ENGLISH));
				return item;
			}).toList();
			problem.setProperty("errorCount", ex.errorCount());
			problem.setProperty("errors", errors);
		}
		return problem;
	}

}
