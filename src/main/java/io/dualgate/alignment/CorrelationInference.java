package io.dualgate.alignment;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Inference for a Pearson correlation from n pairs: the two-sided p-value of H0 rho = 0
 * (t with n - 2 degrees of freedom) and the 95 % confidence interval through Fisher's z.
 */
final class CorrelationInference {

	static final int MIN_POINTS = 3;

	private static final double Z_975 = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);

	private CorrelationInference() {
	}

	/**
	 * Two-sided p-value; {@code null} below three points or when r is undefined.
	 */
	static Double pValue(Double r, long n) {
		if (r == null || n < MIN_POINTS) {
			return null;
		}
		double abs = Math.min(1.0, Math.abs(r));
		if (abs == 1.0) {
			return 0.0;
		}
		double t = abs * Math.sqrt((n - 2) / (1 - abs * abs));
		return Math.min(1.0, 2 * TDistribution.of(n - 2).survivalProbability(t));
	}

	/**
	 * 95 % interval for rho as {low, high}; {@code null} below four points (z has
	 * standard error 1 / sqrt(n - 3)) or when r is undefined.
	 */
	static double[] interval95(Double r, long n) {
		if (r == null || n < 4) {
			return null;
		}
		double clipped = Math.max(-1.0, Math.min(1.0, r));
		if (Math.abs(clipped) == 1.0) {
			return new double[] { clipped, clipped };
		}
		double z = 0.5 * Math.log((1 + clipped) / (1 - clipped));
		double half = Z_975 / Math.sqrt(n - 3);
		return new double[] { Math.tanh(z - half), Math.tanh(z + half) };
	}

}
