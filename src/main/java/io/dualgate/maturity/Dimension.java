package io.dualgate.maturity;

/**
 * The three dimensions of the maturity matrix; the rubric of each level is in the
 * messages.
 */
public enum Dimension {

	/** Are fail-safe thresholds defined? */
	TECHNICAL_VALIDATION("technicalValidation"),

	/** Is each technical capability mapped to a customer financial metric? */
	CUSTOMER_VALUE("customerValue"),

	/** Is the liability map of high-risk scenarios done? */
	COMPLIANCE_READINESS("complianceReadiness");

	private final String field;

	Dimension(String field) {
		this.field = field;
	}

	/** The form field that holds this dimension's level. */
	public String field() {
		return this.field;
	}

}
