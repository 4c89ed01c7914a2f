package io.dualgate.learning.feedback;

import java.util.List;

import io.dualgate.shared.ProblemException;
import io.dualgate.shared.ProblemType;

/**
 * A feedback batch refused as a whole: nothing of it was stored. 400 when the body is not
 * a batch at all, 422 with every bad cell (up to {@link #MAX_REPORTED}) otherwise, each
 * placed by its CSV line or JSON index.
 */
public class FeedbackRejected extends ProblemException {

	public static final int MAX_REPORTED = 1000;

	private final transient List<FeedbackError> errors;

	private final long errorCount;

	private final String positionName;

	FeedbackRejected(ProblemType type, String code, Object[] arguments, List<FeedbackError> errors, long errorCount,
			String positionName) {
		super(type, code, arguments);
		this.errors = List.copyOf(errors);
		this.errorCount = errorCount;
		this.positionName = positionName;
	}

	static FeedbackRejected malformed(String code, Object... arguments) {
		return new FeedbackRejected(ProblemType.BAD_REQUEST, code, arguments, List.of(), 0, null);
	}

	static FeedbackRejected invalid(List<FeedbackError> errors, long errorCount, String positionName) {
		return new FeedbackRejected(ProblemType.INVALID_INPUT, "feedback.rejected", new Object[] { errorCount }, errors,
				errorCount, positionName);
	}

	public List<FeedbackError> errors() {
		return this.errors;
	}

	@Override
	public List<Item> items() {
		return this.errors.stream()
			.map((e) -> new Item(this.positionName, e.line(), e.field(), e.code(), e.arguments()))
			.toList();
	}

	@Override
	public long itemCount() {
		return this.errorCount;
	}

}
