package io.dualgate.alignment;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;

import org.apache.commons.statistics.distribution.TDistribution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The regression slope the dashboard computes, for one prototype and one pair of metrics,
 * with its 95 % confidence interval: how much {@code y} moves per unit of {@code x}, from
 * the prototype's weekly means ({@code y} in week w against {@code x} in week w - lag).
 * Published for other modules (a value map compares its claims with it).
 */
@Service
public class Elasticities {

	/** Below this many paired weeks there is no interval to speak of. */
	public static final int MIN_WEEKS = 4;

	private final JdbcClient jdbc;

	Elasticities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param weeks paired weeks
	 * @param slope least-squares slope of y on x (y units per x unit)
	 * @param ciLow lower end of the slope's 95 % interval (t with n - 2 df)
	 * @param ciHigh upper end
	 * @param rSquared coefficient of determination
	 */
	public record Elasticity(long weeks, double slope, double intercept, double ciLow, double ciHigh, double rSquared,
			LocalDate from, LocalDate to) {

		/** Whether a claimed slope lies inside the interval. */
		public boolean admits(double claimed) {
			return claimed >= this.ciLow && claimed <= this.ciHigh;
		}

	}

	/**
	 * The measured slope between {@code from} and {@code to} (business weeks), or empty
	 * with fewer than {@link #MIN_WEEKS} paired weeks or no variation in x.
	 */
	public Optional<Elasticity> measure(long prototypeId, String xMetric, String yMetric, int lagWeeks, LocalDate from,
			LocalDate to) {
		LocalDate firstWeek = AlignmentFilter.weekStart(from);
		LocalDate lastWeek = AlignmentFilter.weekStart(to);
		return this.jdbc.sql("""
				select regr_count(b.mean, t.mean), regr_slope(b.mean, t.mean), regr_intercept(b.mean, t.mean),
				       regr_r2(b.mean, t.mean), regr_sxx(b.mean, t.mean), regr_syy(b.mean, t.mean),
				       regr_sxy(b.mean, t.mean)
				from observation_weekly t
				join observation_weekly b on b.prototype_id = t.prototype_id and b.week_start = t.week_start + :lagDays
				where t.prototype_id = :prototype and t.metric_key = :x and b.metric_key = :y
				  and b.week_start between :from and :to""")
			.param("lagDays", 7 * lagWeeks)
			.param("prototype", prototypeId)
			.param("x", xMetric)
			.param("y", yMetric)
			.param("from", Date.valueOf(firstWeek))
			.param("to", Date.valueOf(lastWeek))
			.query((rs, n) -> {
				long weeks = rs.getLong(1);
				double sxx = rs.getDouble(5);
				if (weeks < MIN_WEEKS || rs.wasNull() || sxx <= 0) {
					return null;
				}
				double slope = rs.getDouble(2);
				double intercept = rs.getDouble(3);
				double r2 = rs.getDouble(4);
				double syy = rs.getDouble(6);
				double sxy = rs.getDouble(7);
				double residual = Math.max(0, syy - slope * sxy);
				double standardError = Math.sqrt(residual / (weeks - 2) / sxx);
				double t = TDistribution.of(weeks - 2).inverseSurvivalProbability(0.025);
				return new Elasticity(weeks, slope, intercept, slope - t * standardError, slope + t * standardError,
						Double.isNaN(r2) ? 0 : r2, firstWeek, lastWeek);
			})
			.optional();
	}

}
