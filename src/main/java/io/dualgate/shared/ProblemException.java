package io.dualgate.shared;

import java.util.List;

/**
 * A request refused as a whole with a list of what is wrong in it (the bad cells of an
 * import, the out-of-range parameters of a filter). The API answers it as problem details
 * with an {@code errors} array; pages show the same items in the reader's language.
 */
public abstract class ProblemException extends RuntimeException {

	private final ProblemType type;

	private final String messageCode;

	private final transient Object[] arguments;

	protected ProblemException(ProblemType type, String messageCode, Object... arguments) {
		super(messageCode);
		this.type = type;
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	public ProblemType type() {
		return this.type;
	}

	public String messageCode() {
		return this.messageCode;
	}

	public Object[] arguments() {
		return this.arguments;
	}

	/** The items to list, at most a bounded number of them. */
	public List<Item> items() {
		return List.of();
	}

	/** How many items there were in all (more than {@link #items()} when capped). */
	public long itemCount() {
		return items().size();
	}

	/**
	 * One thing wrong in the request.
	 *
	 * @param positionName {@code line} (CSV), {@code index} (JSON array) or {@code null}
	 * @param position where, when there is a position
	 * @param field the field or parameter
	 * @param messageCode what is wrong
	 * @param arguments the message's arguments
	 */
	public record Item(String positionName, Long position, String field, String messageCode, Object... arguments) {
	}

}
