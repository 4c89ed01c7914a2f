package io.dualgate.learning.feedback;

import java.util.List;

/**
 * A feedback batch refused as a whole: nothing of it was stored. 400 when the body is not
 * a batch at all, 422 with every bad cell (up to {@link #MAX_REPORTED}) otherwise.
 */
public class FeedbackRejected extends RuntimeException {

	public static final int MAX_REPORTED = 1000;

	private final String code;

	private final transient Object[] arguments;

	private final transient List<FeedbackError> errors;

	private final long errorCount;

	private final boolean malformed;

	FeedbackRejected(String code, Object[] arguments, List<FeedbackError> errors, long errorCount, boolean malformed) {
		super(code, null, false, false);
		this.code = code;
		this.arguments = arguments;
		this.errors = List.copyOf(errors);
		this.errorCount = errorCount;
		this.malformed = malformed;
	}

	static FeedbackRejected malformed(String code, Object... arguments) {
		return new FeedbackRejected(code, arguments, List.of(), 0, true);
	}

	static FeedbackRejected invalid(List<FeedbackError> errors, long errorCount) {
		return new FeedbackRejected("feedback.rejected", new Object[] { errorCount }, errors, errorCount, false);
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments;
	}

	public List<FeedbackError> errors() {
		return this.errors;
	}

	public long errorCount() {
		return this.errorCount;
	}

	public boolean malformed() {
		return this.malformed;
	}

}
