package io.dualgate.alignment;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import io.dualgate.alignment.AlignmentFigures.PairPoint;
import io.dualgate.alignment.AlignmentFigures.PrototypeRef;
import io.dualgate.alignment.AlignmentFigures.SeriesPoint;

import org.springframework.stereotype.Service;

/**
 * The dashboard for its pages and API: reads the data state first, then asks for the
 * figures computed at that state (cached, see {@link DashboardFigures}), so a new
 * observation, signature or decision is shown on the next request.
 */
@Service
class AlignmentDashboard {

	private final DashboardFigures cached;

	private final DashboardDataVersion version;

	private final AlignmentFigures figures;

	private final Clock clock;

	AlignmentDashboard(DashboardFigures cached, DashboardDataVersion version, AlignmentFigures figures, Clock clock) {
		this.cached = cached;
		this.version = version;
		this.figures = figures;
		this.clock = clock;
	}

	List<PairDefinition> pairs() {
		return this.cached.pairs(this.version.current());
	}

	/** All figures; {@code withPoints} adds the latest points of every pair. */
	AlignmentReport report(AlignmentFilter filter, boolean withPoints) {
		return this.cached.report(filter, withPoints, this.version.current());
	}

	List<SeriesPoint> series(PrototypeRef prototype, AlignmentFilter filter) {
		return this.cached.series(prototype.id(), filter, this.version.current());
	}

	List<PrototypeRef> prototypes(AlignmentFilter filter) {
		return this.cached.prototypes(filter, this.version.current());
	}

	List<String> verticals() {
		return this.cached.verticals(this.version.current());
	}

	/** Every paired point, streamed straight from the database (CSV export). */
	void eachPoint(PairDefinition pair, AlignmentFilter filter, Consumer<PairPoint> consumer) {
		this.figures.eachPoint(pair, filter, consumer);
	}

	List<String> metricKeys() {
		return this.figures.metricKeys();
	}

	Clock clock() {
		return this.clock;
	}

}
