package io.dualgate.metrics;

import java.util.List;

import io.dualgate.shared.ProblemException;
import io.dualgate.shared.ProblemType;

/**
 * An import refused as a whole: nothing of it was stored. Carries every bad cell (up to
 * {@link #MAX_REPORTED}) and how many there were in all.
 */
public class ObservationsRejected extends ProblemException {

	/**
	 * Enough to fix a file; a file with more errors is the wrong file (the count says how
	 * many there are in all).
	 */
	public static final int MAX_REPORTED = 1_000;

	private final transient List<CellError> errors;

	private final long errorCount;

	/** Malformed as a whole (empty, not UTF-8): a 400 rather than a 422. */
	private final boolean malformed;

	/** {@code line} for CSV (1 = header), {@code index} for a JSON array (from 0). */
	private final String positionName;

	ObservationsRejected(String code, Object[] arguments, List<CellError> errors, long errorCount, boolean malformed) {
		this(code, arguments, errors, errorCount, malformed, "line");
	}

	private ObservationsRejected(String code, Object[] arguments, List<CellError> errors, long errorCount,
			boolean malformed, String positionName) {
		super(malformed ? ProblemType.BAD_REQUEST : ProblemType.INVALID_INPUT, code, arguments);
		this.errors = List.copyOf(errors);
		this.errorCount = errorCount;
		this.malformed = malformed;
		this.positionName = positionName;
	}

	static ObservationsRejected malformed(String code, Object... arguments) {
		return new ObservationsRejected(code, arguments, List.of(), 0, true);
	}

	static ObservationsRejected invalid(List<CellError> errors, long errorCount) {
		return new ObservationsRejected("observation.rejected", new Object[] { errorCount }, errors, errorCount, false);
	}

	/** The same refusal for a JSON array, whose positions are indexes. */
	ObservationsRejected asIndexes() {
		return new ObservationsRejected(messageCode(), arguments(), this.errors, this.errorCount, this.malformed,
				"index");
	}

	public String code() {
		return messageCode();
	}

	public List<CellError> errors() {
		return this.errors;
	}

	public long errorCount() {
		return this.errorCount;
	}

	public boolean malformed() {
		return this.malformed;
	}

	@Override
	public List<Item> items() {
		return this.errors.stream()
			.map((error) -> new Item(this.positionName, error.line(), error.field(), error.code(), error.arguments()))
			.toList();
	}

	@Override
	public long itemCount() {
		return this.errorCount;
	}

}
