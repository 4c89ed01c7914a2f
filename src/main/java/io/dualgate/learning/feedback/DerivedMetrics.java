package io.dualgate.learning.feedback;

import java.math.BigDecimal;
import java.util.List;

import io.dualgate.metrics.MetricDefinition;

/**
 * The metrics human feedback yields, per day: for the whole prototype
 * ({@code human_acceptance_rate_pct}, ...) and per capability
 * ({@code human_acceptance_rate_pct__clause_extraction}, ...). Gates, kill criteria and
 * the dashboard read them like any metric; DualGate alone records them.
 */
public final class DerivedMetrics {

	public static final String ACCEPTANCE = "human_acceptance_rate_pct";

	public static final String EDITS = "human_edit_rate_pct";

	public static final String REJECTIONS = "human_rejection_rate_pct";

	public static final String CRITICAL = "human_critical_cases";

	public static final List<String> ALL = List.of(ACCEPTANCE, EDITS, REJECTIONS, CRITICAL);

	static final String SEPARATOR = "__";

	private DerivedMetrics() {
	}

	/** The capability's own series of a derived metric. */
	public static String of(String base, String capability) {
		return base + SEPARATOR + capability;
	}

	/**
	 * The definition of a capability's own series, named after the prototype-wide one.
	 */
	static MetricDefinition definition(String base, String capability) {
		return switch (base) {
			case ACCEPTANCE ->
				percent(of(base, capability), "Human acceptance rate: " + capability, "HIGHER_IS_BETTER");
			case EDITS -> percent(of(base, capability), "Human edit rate: " + capability, "LOWER_IS_BETTER");
			case REJECTIONS -> percent(of(base, capability), "Human rejection rate: " + capability, "LOWER_IS_BETTER");
			case CRITICAL -> new MetricDefinition(of(base, capability), "Critical cases: " + capability, "cases",
					"TECHNICAL", "LOWER_IS_BETTER", BigDecimal.ZERO, BigDecimal.valueOf(1_000_000));
			default -> throw new IllegalArgumentException(base);
		};
	}

	private static MetricDefinition percent(String key, String name, String direction) {
		return new MetricDefinition(key, name, "%", "TECHNICAL", direction, BigDecimal.ZERO, BigDecimal.valueOf(100));
	}

}
