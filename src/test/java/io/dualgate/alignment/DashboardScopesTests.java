package io.dualgate.alignment;

import java.time.Instant;
import java.util.Set;

import io.dualgate.IntegrationTest;
import io.dualgate.alignment.AlignmentReport.PairResult;
import io.dualgate.alignment.DashboardDataVersion.State;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.dualgate.alignment.DashboardDataVersion.observations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fresh dashboards after a write: a change recomputes only the figures that read what
 * changed. A new observation of one metric moves that metric's version alone, so the
 * pairs of other metrics, the funnel, the gate figures and the grid are served from the
 * cache while the pair of that metric shows the new value.
 */
@IntegrationTest
class DashboardScopesTests {

	@Autowired
	AlignmentDashboard dashboard;

	@Autowired
	DashboardDataVersion dataVersion;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anObservationMovesTheVersionOfItsMetricOnly() {
		Instant now = Instant.now();
		State before = this.dataVersion.state(now);
		upsertNps(42.5);
		State after = this.dataVersion.state(now);
		assertThat(after.of(Set.of(observations("nps")), Instant.MAX).version())
			.isGreaterThan(before.of(Set.of(observations("nps")), Instant.MAX).version());
		for (Set<String> untouched : Set.of(Set.of(observations("benchmark_score")), AlignmentDashboard.GATES,
				AlignmentDashboard.FLOW, AlignmentDashboard.GRID, AlignmentDashboard.PAIR_DEFINITIONS)) {
			assertThat(after.of(untouched, Instant.MAX)).as(untouched.toString())
				.isEqualTo(before.of(untouched, Instant.MAX));
		}
	}

	@Test
	void afterAWriteOnlyThePairOfThatMetricIsComputedAgain() {
		AlignmentFilter filter = AlignmentFilter.of(null, null, null, null, null, this.dashboard.clock());
		AlignmentReport first = this.dashboard.report(filter, true);
		AlignmentReport cached = this.dashboard.report(filter, true);
		assertThat(cached.pairs().get(0)).isSameAs(first.pairs().get(0));

		upsertNps(77.25);
		AlignmentReport fresh = this.dashboard.report(filter, true);

		for (int i = 0; i < first.pairs().size(); i++) {
			PairResult before = first.pairs().get(i);
			PairResult now = fresh.pairs().get(i);
			boolean readsNps = before.pair().technicalMetric().equals("nps")
					|| before.pair().businessMetric().equals("nps");
			if (readsNps) {
				assertThat(now).as("the NPS pair is computed again").isNotSameAs(before);
			}
			else {
				assertThat(now).as(before.pair().technicalLabel() + " is still cached").isSameAs(before);
			}
		}
		assertThat(fresh.flow()).isSameAs(first.flow());
		assertThat(fresh.maturityGrid()).isSameAs(first.maturityGrid());
	}

	/**
	 * Today's NPS of the first demo prototype, as a one-row upsert (what an API call
	 * does).
	 */
	private void upsertNps(double value) {
		this.jdbc.sql("""
				insert into observation (prototype_id, metric_key, observed_on, value, source)
				select min(id), 'nps', current_date, ?, 'API' from prototype
				on conflict (prototype_id, metric_key, observed_on) do update set value = excluded.value""")
			.param(value)
			.update();
	}

}
