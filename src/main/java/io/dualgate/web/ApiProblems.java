package io.dualgate.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.dualgate.shared.ProblemException;
import io.dualgate.shared.ProblemType;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where REST API errors become RFC 9457 problem details: a type from
 * {@link ProblemType}, a {@code code} clients can branch on, and a detail in our own
 * words (English: machines read it, and people share it in tickets). Never an exception's
 * own text, never more than a short excerpt of what the caller sent.
 */
@Component
class ApiProblems {

	/** Longest excerpt of a caller's input quoted back. */
	static final int MAX_EXCERPT = 40;

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	static boolean isApi(String path) {
		return path != null && (path.startsWith("/api/") || path.equals("/api"));
	}

	/** A problem worded by a message code (the domain's exceptions). */
	ProblemDetail problem(ProblemType type, String code, Object... arguments) {
		return problem(HttpStatus.valueOf(type.status()), type, code, text(code, arguments));
	}

	/** A refusal that lists what is wrong, item by item. */
	ProblemDetail problem(ProblemException ex) {
		ProblemDetail problem = problem(ex.type(), ex.messageCode(), ex.arguments());
		List<Map<String, Object>> errors = ex.items().stream().map((item) -> {
			Map<String, Object> error = new LinkedHashMap<>();
			if (item.positionName() != null) {
				error.put(item.positionName(), item.position());
			}
			error.put("field", item.field());
			error.put("code", item.messageCode());
			error.put("message", text(item.messageCode(), item.arguments()));
			return error;
		}).toList();
		if (!errors.isEmpty()) {
			problem.setProperty("errorCount", ex.itemCount());
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	/** A failure the framework found before or around our handlers. */
	ProblemDetail problem(Exception ex, HttpStatusCode status) {
		if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
			String allowed = (unsupported.getSupportedMethods() != null)
					? String.join(", ", unsupported.getSupportedMethods()) : "";
			return problem(status, ProblemType.METHOD_NOT_ALLOWED, "api.method.notAllowed",
					text("api.method.notAllowed", excerpt(unsupported.getMethod()), allowed));
		}
		if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
			return problem(status, ProblemType.UNSUPPORTED_MEDIA_TYPE, "api.mediaType.unsupported",
					text("api.mediaType.unsupported", mediaTypes(unsupported.getSupportedMediaTypes())));
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
			return problem(status, ProblemType.NOT_ACCEPTABLE, "api.mediaType.notAcceptable",
					text("api.mediaType.notAcceptable", mediaTypes(notAcceptable.getSupportedMediaTypes())));
		}
		if (ex instanceof NoResourceFoundException) {
			return forStatus(HttpStatus.NOT_FOUND);
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return problem(status, ProblemType.BAD_REQUEST, "api.parameter.missing",
					text("api.parameter.missing", missing.getParameterName()));
		}
		if (ex instanceof MissingRequestValueException) {
			return problem(status, ProblemType.BAD_REQUEST, "api.request.incomplete", text("api.request.incomplete"));
		}
		if (ex instanceof TypeMismatchException mismatch) {
			String name = (mismatch.getPropertyName() != null) ? mismatch.getPropertyName() : "?";
			return problem(status, ProblemType.BAD_REQUEST, "api.parameter.invalid", text("api.parameter.invalid", name,
					excerpt(String.valueOf(mismatch.getValue())), expected(mismatch.getRequiredType())));
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return problem(status, ProblemType.BAD_REQUEST, "api.body.unreadable", text("api.body.unreadable"));
		}
		if (ex instanceof BindException binding) {
			return invalidFields(binding.getFieldErrors());
		}
		if (ex instanceof HandlerMethodValidationException validation) {
			ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.INVALID_INPUT,
					"api.request.invalid", text("api.request.invalid"));
			problem.setProperty("errors",
					validation.getParameterValidationResults()
						.stream()
						.flatMap((result) -> result.getResolvableErrors()
							.stream()
							.map((error) -> error(result.getMethodParameter().getParameterName(), error)))
						.toList());
			return problem;
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return forStatus(HttpStatus.CONTENT_TOO_LARGE);
		}
		return forStatus(status);
	}

	/** Field errors of a bound and validated body or form, each with its own message. */
	ProblemDetail invalidFields(List<FieldError> fieldErrors) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.INVALID_INPUT,
				"api.request.invalid", text("api.request.invalid"));
		problem.setProperty("errors", fieldErrors.stream().map((error) -> error(error.getField(), error)).toList());
		return problem;
	}

	/** What any answer of this status says when nothing more specific is known. */
	ProblemDetail forStatus(HttpStatusCode status) {
		ProblemType type = ProblemType.forStatus(status);
		String code = switch (status.value()) {
			case 400 -> "api.request.malformed";
			case 401 -> "api.unauthenticated";
			case 403 -> "api.forbidden";
			case 404 -> "api.unknownPath";
			case 405 -> "api.method.notAllowed.generic";
			case 406 -> "api.mediaType.notAcceptable.generic";
			case 409 -> "conflict.changedMeanwhile";
			case 413 -> "api.tooLarge";
			case 415 -> "api.mediaType.unsupported.generic";
			case 503 -> DatabaseTrouble.MESSAGE_CODE;
			default -> status.is5xxServerError() ? "api.serverError" : "api.request.malformed";
		};
		return problem(status, type, code, text(code));
	}

	static MediaType contentType() {
		return MediaType.APPLICATION_PROBLEM_JSON;
	}

	private Map<String, Object> error(String field, MessageSourceResolvable error) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("field", field);
		item.put("code", (error.getCodes() != null && error.getCodes().length > 0)
				? error.getCodes()[error.getCodes().length - 1] : "invalid");
		item.put("message", this.messages.getMessage(error, Locale.ENGLISH));
		return item;
	}

	private static ProblemDetail problem(HttpStatusCode status, ProblemType type, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type.uri());
		problem.setProperty("code", code);
		return problem;
	}

	private String text(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, Locale.ENGLISH);
	}

	/** At most {@link #MAX_EXCERPT} characters of what the caller sent, one line. */
	static String excerpt(String text) {
		if (text == null) {
			return "";
		}
		String oneLine = text.replaceAll("[\\p{Cntrl}]", " ");
		return (oneLine.length() <= MAX_EXCERPT) ? oneLine : oneLine.substring(0, MAX_EXCERPT) + "…";
	}

	private static String mediaTypes(List<MediaType> types) {
		return types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
	}

	/** How a parameter of this type is written, for the message that refuses one. */
	private static String expected(Class<?> type) {
		if (type == null) {
			return "a valid value";
		}
		if (type == LocalDate.class) {
			return "a date as YYYY-MM-DD (ISO 8601)";
		}
		if (type == OffsetDateTime.class || type == java.time.Instant.class) {
			return "a date and time as 2026-03-31T09:30:00Z (ISO 8601)";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type.isEnum()) {
			Object[] constants = type.getEnumConstants();
			return "one of "
					+ java.util.Arrays.stream(constants).map(String::valueOf).collect(Collectors.joining(", "));
		}
		return "a valid value";
	}

}
