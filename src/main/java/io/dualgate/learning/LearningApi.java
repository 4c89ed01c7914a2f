package io.dualgate.learning;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import io.dualgate.shared.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What the learning loop's API controllers share: bodies read only after the caller was
 * found allowed (so a stranger learns nothing from validation), counted as they stream
 * and stopped at a limit, and refusals as RFC 9457 problem details naming the field.
 */
public abstract class LearningApi {

	/** Numbers as written: no double rounding, no overflow to infinity. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	private final MessageSource messages;

	protected LearningApi(MessageSource messages) {
		this.messages = messages;
	}

	/** The body, at most {@code maxBytes}; more is refused with 413. */
	protected static byte[] body(HttpServletRequest request, int maxBytes) {
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(maxBytes + 1);
			if (bytes.length > maxBytes) {
				throw new BodyTooLarge(maxBytes);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new InvalidFieldException("body", "learning.body.unreadable");
		}
	}

	/** The body as JSON; an empty or malformed body is refused with 400. */
	protected static JsonNode json(HttpServletRequest request, int maxBytes) {
		byte[] bytes = body(request, maxBytes);
		if (bytes.length == 0) {
			throw new MalformedBody("learning.body.empty");
		}
		try {
			return JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new MalformedBody("learning.body.notJson");
		}
	}

	protected static boolean isCsv(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/csv");
	}

	@ExceptionHandler(InvalidFieldException.class)
	ProblemDetail invalidField(InvalidFieldException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.messageCode(), ex.arguments());
		problem.setProperty("field", ex.field());
		return problem;
	}

	@ExceptionHandler(MalformedBody.class)
	ProblemDetail malformed(MalformedBody ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), new Object[0]);
	}

	@ExceptionHandler(BodyTooLarge.class)
	ProblemDetail tooLarge(BodyTooLarge ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "learning.body.tooLarge", new Object[] { ex.maxBytes });
	}

	protected ProblemDetail problem(HttpStatus status, String code, Object[] arguments) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(code, arguments, code, Locale.ENGLISH));
		problem.setProperty("code", code);
		return problem;
	}

	protected String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, Locale.ENGLISH);
	}

	/** A body that is not what the endpoint reads at all: 400. */
	public static class MalformedBody extends RuntimeException {

		public MalformedBody(String code) {
			super(code, null, false, false);
		}

	}

	static class BodyTooLarge extends RuntimeException {

		final int maxBytes;

		BodyTooLarge(int maxBytes) {
			super(null, null, false, false);
			this.maxBytes = maxBytes;
		}

	}

}
