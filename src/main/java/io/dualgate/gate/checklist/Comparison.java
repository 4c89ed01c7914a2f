package io.dualgate.gate.checklist;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * How a measured value is compared with its threshold.
 */
public enum Comparison {

	AT_LEAST(">="), AT_MOST("<="), ABOVE(">"), BELOW("<");

	private final String symbol;

	Comparison(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return this.symbol;
	}

	public boolean holds(BigDecimal value, BigDecimal threshold) {
		int c = value.compareTo(threshold);
		return switch (this) {
			case AT_LEAST -> c >= 0;
			case AT_MOST -> c <= 0;
			case ABOVE -> c > 0;
			case BELOW -> c < 0;
		};
	}

	public static Optional<Comparison> fromSymbol(String symbol) {
		return Arrays.stream(values()).filter((c) -> c.symbol.equals(symbol)).findFirst();
	}

}
