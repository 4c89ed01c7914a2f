package io.dualgate.alignment;

import java.util.List;

import io.dualgate.shared.ProblemException;
import io.dualgate.shared.ProblemType;

/**
 * A dashboard filter out of range; carries a message code so page and API can say what is
 * wrong.
 */
class InvalidFilterException extends ProblemException {

	private final String parameter;

	InvalidFilterException(String parameter, String messageCode, Object... arguments) {
		super(ProblemType.BAD_REQUEST, messageCode, arguments);
		this.parameter = parameter;
	}

	@Override
	public List<Item> items() {
		return List.of(new Item(null, null, this.parameter, messageCode(), arguments()));
	}

}
