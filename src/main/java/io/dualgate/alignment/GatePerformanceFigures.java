package io.dualgate.alignment;

import java.util.List;
import java.util.Optional;

/**
 * Gate response times and track scorecards (issue 5, item 4). Their source (gates and signatures)
 * belongs to the gate module, which is built in parallel: until an implementation reading it is
 * registered, the dashboard says "no data yet" instead of showing numbers.
 */
interface GatePerformanceFigures {

	Optional<GatePerformance> compute(AlignmentFilter filter);

	/**
	 * @param medianHoursToDecision median hours from opening to decision
	 * @param p90HoursToDecision 90th percentile of the same
	 * @param decidedWithin48hPct share decided within the 48 h target
	 * @param decidedWithin72hPct share decided within 72 h
	 * @param openOverdue open gates past the SLA
	 * @param rows per month and track, to find the bottleneck track
	 */
	record GatePerformance(Double medianHoursToDecision, Double p90HoursToDecision, Double decidedWithin48hPct,
			Double decidedWithin72hPct, long openOverdue, List<Row> rows) {

		record Row(String month, String track, long decided, Double medianHours, Double p90Hours,
				Double within48hPct) {
		}

	}

}
