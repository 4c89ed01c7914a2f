package io.dualgate.metrics;

import java.util.List;

/**
 * An import refused as a whole: nothing of it was stored. Carries every bad cell (up to
 * {@link #MAX_REPORTED}) and how many there were in all.
 */
public class ObservationsRejected extends RuntimeException {

	/**
	 * Enough to fix a file; a file with more errors is the wrong file (the count says how
	 * many there are in all).
	 */
	public static final int MAX_REPORTED = 1_000;

	private final String code;

	private final transient Object[] arguments;

	private final transient List<CellError> errors;

	private final long errorCount;

	/** Malformed as a whole (empty, not UTF-8): a 400 rather than a 422. */
	private final boolean malformed;

	ObservationsRejected(String code, Object[] arguments, List<CellError> errors, long errorCount, boolean malformed) {
		super(code);
		this.code = code;
		this.arguments = arguments;
		this.errors = List.copyOf(errors);
		this.errorCount = errorCount;
		this.malformed = malformed;
	}

	static ObservationsRejected malformed(String code, Object... arguments) {
		return new ObservationsRejected(code, arguments, List.of(), 0, true);
	}

	static ObservationsRejected invalid(List<CellError> errors, long errorCount) {
		return new ObservationsRejected("observation.rejected", new Object[] { errorCount }, errors, errorCount, false);
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments;
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

}
