package io.dualgate.learning.valuemap;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A value map as pages and the API show it: each step with its claim and the check of it.
 */
public record ValueMapView(long id, String prototypeKey, String title, String createdBy, Instant createdAt,
		List<Step> steps) {

	/**
	 * @param toMetric the next metric, or null for money
	 * @param toUnit the next metric's unit, or the money unit (USD/year)
	 */
	public record Step(int position, String fromMetric, String fromName, String fromUnit, BigDecimal fromChange,
			String toMetric, String toName, String toUnit, BigDecimal toChange, int lagWeeks, String assumption,
			ClaimCheck check) {

		public String fromChangeText() {
			return signed(this.fromChange);
		}

		public String toChangeText() {
			return signed(this.toChange);
		}

		private static String signed(BigDecimal value) {
			return ((value.signum() > 0) ? "+" : "") + value.toPlainString();
		}

		/** The claimed change of the next metric per unit of this one. */
		public BigDecimal claimedElasticity() {
			return this.toChange.divide(this.fromChange, java.math.MathContext.DECIMAL64);
		}

	}

	public boolean contradicted() {
		return this.steps.stream().anyMatch((s) -> s.check().contradicted());
	}

}
