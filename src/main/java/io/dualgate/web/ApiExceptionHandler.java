package io.dualgate.web;

import java.util.Locale;

import io.dualgate.shared.ConflictException;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 9457 problem details. Messages are in English: machines
 * read them, and people reading logs share them.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.messageCode(), ex.arguments());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, ex.messageCode(), ex.arguments());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail staleWrite(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "conflict.changedMeanwhile", new Object[0]);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		return problem(HttpStatus.CONFLICT, "conflict.integrity", new Object[0]);
	}

	@ExceptionHandler(RuleViolationException.class)
	ProblemDetail ruleViolation(RuleViolationException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.messageCode(), ex.arguments());
		if (ex instanceof InvalidFieldException invalid && invalid.field() != null) {
			problem.setProperty("field", invalid.field());
		}
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badInput(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
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
		return problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseTrouble.MESSAGE_CODE, new Object[0]);
	}

	private ProblemDetail problem(HttpStatus status, String code, Object[] arguments) {
		String detail = this.messages.getMessage(code, arguments, code, Locale.ENGLISH);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("code", code);
		return problem;
	}

}
