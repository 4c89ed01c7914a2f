package io.dualgate.alignment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The figures of one pair over one set of paired weeks (the portfolio or one prototype).
 * Every number is {@code null} when there are fewer than three points.
 *
 * @param n paired weeks
 * @param pearsonR Pearson's r (business vs technical series)
 * @param spearmanRho Spearman's rho (Pearson on average ranks)
 * @param pValue two-sided p-value of r (t distribution, n - 2 df)
 * @param ciLow lower end of the 95 % interval of r (Fisher z; needs n >= 4)
 * @param ciHigh upper end
 * @param slope least-squares slope of business on technical
 * @param intercept least-squares intercept
 * @param rSquared coefficient of determination
 * @param status against the pair's target
 */
record PairStatistics(long n, Double pearsonR, Double spearmanRho, Double pValue, Double ciLow, Double ciHigh,
		Double slope, Double intercept, Double rSquared, PairStatus status) {

	static final double ALPHA = 0.05;

	static PairStatistics of(PairDefinition pair, long n, Double r, Double rho, Double slope, Double intercept,
			Double rSquared) {
		if (n < CorrelationInference.MIN_POINTS) {
			return new PairStatistics(n, null, null, null, null, null, null, null, null, PairStatus.TOO_FEW_POINTS);
		}
		if (r == null) {
			return new PairStatistics(n, null, rho, null, null, null, slope, intercept, rSquared,
					PairStatus.NO_VARIATION);
		}
		Double p = CorrelationInference.pValue(r, n);
		double[] ci = CorrelationInference.interval95(r, n);
		return new PairStatistics(n, r, rho, p, (ci != null) ? ci[0] : null, (ci != null) ? ci[1] : null, slope,
				intercept, rSquared, status(pair, r, p));
	}

	/**
	 * With a target r: met when r in the expected direction exceeds it. Without: met when
	 * the relation points the expected way and is significant at 5 %.
	 */
	static PairStatus status(PairDefinition pair, double r, Double p) {
		double directed = pair.expectedDirection().sign() * r;
		if (pair.targetR() != null) {
			return (directed > pair.targetR()) ? PairStatus.MET : PairStatus.NOT_MET;
		}
		return (directed > 0 && p != null && p < ALPHA) ? PairStatus.MET : PairStatus.NOT_MET;
	}

	/** For API readers: says why the numbers are missing. */
	@JsonProperty("message")
	public String message() {
		return switch (this.status) {
			case TOO_FEW_POINTS -> "Too few points: " + this.n + " paired weeks, at least 3 are needed.";
			case NO_VARIATION -> "One of the series does not vary, so r is undefined.";
			default -> null;
		};
	}

	public boolean tooFewPoints() {
		return this.status == PairStatus.TOO_FEW_POINTS;
	}

}
