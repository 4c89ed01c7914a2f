package io.dualgate.web;

import java.math.BigDecimal;

import io.dualgate.shared.Excerpt;
import io.dualgate.shared.NumberRefused;
import io.dualgate.shared.ProblemType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.PropertyAccessException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingErrorProcessor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bounds on what a form may bind (TRUST 28, 31): at most {@link #MAX_ROWS} rows in an
 * indexed list ({@code items[5000].code} is refused with 400, not a 500 or 5000 empty
 * rows), and a value that cannot be converted is kept, for the page and its message, only
 * as a short excerpt. A number refused by the bounded parser says why next to its field
 * ("more than 15 digits before the decimal point").
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FormBinding {

	/** More rows than any form has (a template has a few dozen items). */
	static final int MAX_ROWS = 200;

	private static final BindingErrorProcessor ERRORS = new BoundedBindingErrors();

	private final ApiProblems problems;

	FormBinding(ApiProblems problems) {
		this.problems = problems;
	}

	@InitBinder
	void bound(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(MAX_ROWS);
		binder.setBindingErrorProcessor(ERRORS);
		binder.registerCustomEditor(BigDecimal.class, new BoundedNumberConverter());
	}

	/** An index beyond {@link #MAX_ROWS}: the form is not one of ours. */
	@ExceptionHandler(InvalidPropertyException.class)
	Object tooManyRows(InvalidPropertyException ex, HttpServletRequest request) {
		if (ApiProblems.isApi(request.getRequestURI().substring(request.getContextPath().length()))) {
			return ResponseEntity.badRequest()
				.contentType(ApiProblems.contentType())
				.body(this.problems.problem(ProblemType.BAD_REQUEST, "form.tooManyRows", MAX_ROWS));
		}
		ModelAndView page = new ModelAndView("error/4xx", HttpStatus.BAD_REQUEST);
		page.addObject("messageCode", "form.tooManyRows");
		page.addObject("messageArgs", new Object[] { MAX_ROWS });
		return page;
	}

	/**
	 * Keeps an excerpt of a value that could not be converted, and turns a refused number
	 * into its own message.
	 */
	static final class BoundedBindingErrors extends DefaultBindingErrorProcessor {

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
			String field = ex.getPropertyName();
			Object value = ex.getValue();
			Object rejected = (value instanceof String || value instanceof String[]) ? excerpt(value) : value;
			NumberRefused refused = numberRefused(ex);
			String code = (refused != null) ? refused.messageCode() : ex.getErrorCode();
			Object[] arguments = (refused != null) ? refused.arguments()
					: getArgumentsForBindError(bindingResult.getObjectName(), field);
			FieldError error = new FieldError(bindingResult.getObjectName(), field, rejected, true,
					bindingResult.resolveMessageCodes(code, field), arguments, null);
			bindingResult.addError(error);
		}

		private static String excerpt(Object value) {
			return Excerpt.of((value instanceof String[] values) ? String.join(",", values) : (String) value);
		}

		private static NumberRefused numberRefused(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof NumberRefused refused) {
					return refused;
				}
			}
			return null;
		}

	}

}
