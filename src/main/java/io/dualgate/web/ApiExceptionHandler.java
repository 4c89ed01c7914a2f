package io.dualgate.web;

import io.dualgate.shared.ConflictException;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.NotPermittedException;
import io.dualgate.shared.ProblemException;
import io.dualgate.shared.ProblemType;
import io.dualgate.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a REST API handler as RFC 9457 problem details, worded by
 * {@link ApiProblems}. Errors before any handler is chosen (an unknown path, a method or
 * media type no endpoint takes) go through {@link NoHandlerErrors}, and errors outside
 * Spring MVC (a body refused for its size, a request the firewall refused) through
 * {@link ErrorPages}: the same wording everywhere.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final ApiProblems problems;

	ApiExceptionHandler(ApiProblems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return this.problems.problem(ProblemType.NOT_FOUND, ex.messageCode(), ex.arguments());
	}

	@ExceptionHandler(NotPermittedException.class)
	ProblemDetail notPermitted(NotPermittedException ex) {
		return this.problems.problem(ProblemType.FORBIDDEN, ex.messageCode(), ex.arguments());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return this.problems.problem(ProblemType.CONFLICT, ex.messageCode(), ex.arguments());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail staleWrite(OptimisticLockingFailureException ex) {
		return this.problems.problem(ProblemType.CONFLICT, "conflict.changedMeanwhile");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		return this.problems.problem(ProblemType.CONFLICT, "conflict.integrity");
	}

	@ExceptionHandler(InvalidFieldException.class)
	ProblemDetail invalidField(InvalidFieldException ex) {
		ProblemDetail problem = this.problems.problem(ProblemType.INVALID_INPUT, ex.messageCode(), ex.arguments());
		problem.setProperty("field", ex.field());
		return problem;
	}

	@ExceptionHandler(RuleViolationException.class)
	ProblemDetail ruleViolation(RuleViolationException ex) {
		return this.problems.problem(ProblemType.RULE_VIOLATION, ex.messageCode(), ex.arguments());
	}

	@ExceptionHandler(ProblemException.class)
	ProblemDetail refused(ProblemException ex) {
		return this.problems.problem(ex);
	}

	/** Malformed input a handler refused; the exception's own words stay in the log. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badInput(IllegalArgumentException ex) {
		logger.debug("Refused malformed API input", ex);
		return this.problems.forStatus(HttpStatus.BAD_REQUEST);
	}

	/** The database is away (restarting, no free connection): try again shortly. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class,
			UncategorizedDataAccessException.class, TransactionSystemException.class })
	ProblemDetail databaseUnavailable(Exception ex, HttpServletResponse response) throws Exception {
		if (!DatabaseTrouble.isUnavailable(ex)) {
			throw ex;
		}
		response.setHeader("Retry-After", DatabaseTrouble.RETRY_AFTER_SECONDS);
		return this.problems.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
	}

	/**
	 * The framework's own exceptions (method, media type, parameters, body), reworded.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = this.problems.problem(ex, statusCode);
		HttpHeaders answerHeaders = new HttpHeaders();
		if (headers != null) {
			answerHeaders.putAll(headers);
		}
		answerHeaders.setContentType(ApiProblems.contentType());
		return ResponseEntity.status(problem.getStatus()).headers(answerHeaders).body(problem);
	}

}
