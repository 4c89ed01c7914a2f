package io.dualgate.learning;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import io.dualgate.shared.ProblemException;
import io.dualgate.shared.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What the learning loop's API controllers share: bodies read only after the caller was
 * found allowed (so a stranger learns nothing from validation), counted as they stream
 * and stopped at a limit. Refusals are the house's problem details (the web module's
 * handler words them; see {@link ProblemType}).
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
				throw new Refused(ProblemType.TOO_LARGE, "learning.body.tooLarge", maxBytes);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new Refused(ProblemType.BAD_REQUEST, "learning.body.unreadable");
		}
	}

	/** The body as JSON; an empty or malformed body is refused with 400. */
	protected static JsonNode json(HttpServletRequest request, int maxBytes) {
		byte[] bytes = body(request, maxBytes);
		if (bytes.length == 0) {
			throw new Refused(ProblemType.BAD_REQUEST, "learning.body.empty");
		}
		try {
			return JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new Refused(ProblemType.BAD_REQUEST, "learning.body.notJson");
		}
	}

	/** The body as a JSON object (400 for anything else). */
	protected static JsonNode jsonObject(HttpServletRequest request, int maxBytes) {
		JsonNode body = json(request, maxBytes);
		if (!body.isObject()) {
			throw new Refused(ProblemType.BAD_REQUEST, "learning.body.notObject");
		}
		return body;
	}

	protected static boolean isCsv(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/csv");
	}

	/**
	 * A problem of the house's kind, for answers that carry more than a list of items.
	 */
	protected ProblemDetail problem(ProblemType type, String code, Object... arguments) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(type.status()),
				message(code, arguments));
		problem.setType(type.uri());
		problem.setProperty("code", code);
		return problem;
	}

	protected String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, Locale.ENGLISH);
	}

	/** A body refused as a whole: not what the endpoint reads, or too large. */
	public static class Refused extends ProblemException {

		public Refused(ProblemType type, String code, Object... arguments) {
			super(type, code, arguments);
		}

	}

}
