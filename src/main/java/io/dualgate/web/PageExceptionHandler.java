package io.dualgate.web;

import io.dualgate.shared.ConflictException;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Domain errors on pages: the right status and a page that says what happened, never a
 * stack trace. Access denials are left to Spring Security (403 page).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return page("error/404", HttpStatus.NOT_FOUND, ex.messageCode(), ex.arguments());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badPath(MethodArgumentTypeMismatchException ex) {
		return page("error/404", HttpStatus.NOT_FOUND, "error.404.text", new Object[0]);
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex) {
		return page("error/409", HttpStatus.CONFLICT, ex.messageCode(), ex.arguments());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView staleEdit(OptimisticLockingFailureException ex) {
		return page("error/409", HttpStatus.CONFLICT, "conflict.changedMeanwhile", new Object[0]);
	}

	@ExceptionHandler(RuleViolationException.class)
	ModelAndView ruleViolation(RuleViolationException ex) {
		return page("error/409", HttpStatus.CONFLICT, ex.messageCode(), ex.arguments());
	}

	/** The database is away (restarting, no free connection): try again shortly. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class,
			UncategorizedDataAccessException.class, TransactionSystemException.class })
	ModelAndView databaseUnavailable(Exception ex, HttpServletResponse response) throws Exception {
		if (!DatabaseTrouble.isUnavailable(ex)) {
			throw ex;
		}
		response.setHeader("Retry-After", DatabaseTrouble.RETRY_AFTER_SECONDS);
		return page("error/503", HttpStatus.SERVICE_UNAVAILABLE, DatabaseTrouble.MESSAGE_CODE, new Object[0]);
	}

	private static ModelAndView page(String view, HttpStatus status, String code, Object[] arguments) {
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("messageCode", code);
		page.addObject("messageArgs", arguments);
		return page;
	}

}
