package io.dualgate.alignment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Gate response times and track scorecards (issue 5, item 4), for the gates opened in the
 * filter's window on prototypes matching its vertical and stage. Decisions are measured
 * against the configured SLA ({@code dualgate.gate.sla-hours}, per transition
 * {@code dualgate.gate.sla-hours-by-stage.<FROM>}, see {@code GateProperties}).
 */
interface GatePerformanceFigures {

	/**
	 * The response time before dual-track gating (the mission's "72 h -> 48 h"), shown
	 * beside the SLA as the old benchmark.
	 */
	int BEFORE_DUAL_TRACK_HOURS = 72;

	/** Empty when no gate matches the filter. */
	Optional<GatePerformance> compute(AlignmentFilter filter, Instant now);

	/**
	 * @param decided gates decided (approved or rejected) among those opened in the
	 * window
	 * @param medianHoursToDecision median hours from opening to decision
	 * @param p90HoursToDecision 90th percentile of the same
	 * @param decidedWithinSlaPct share decided within the SLA of their transition
	 * @param decidedWithin72hPct share decided within 72 h (the pre-dual-track figure)
	 * @param openOverdue open gates past their SLA (now, whatever the window)
	 * @param slaHours the configured SLA ({@code dualgate.gate.sla-hours})
	 * @param transitions per transition: its configured SLA and the decided gates against
	 * it
	 * @param tracks per track over the window: hours from opening to the track's valid
	 * signature
	 * @param bottleneckTrack the track with the higher median, {@code null} without
	 * signatures
	 * @param rows per month of opening: the gate decision ({@code GATE}) and each track
	 * @param overdue the open gates past their SLA, most overdue first
	 * @param explorationPms robustness pass rate per Exploration PM
	 * @param deliveryPms first-year renewal rate per Delivery PM
	 */
	record GatePerformance(long decided, Double medianHoursToDecision, Double p90HoursToDecision,
			Double decidedWithinSlaPct, Double decidedWithin72hPct, long openOverdue, int slaHours,
			List<Transition> transitions, List<Row> tracks, String bottleneckTrack, List<Row> rows,
			List<OverdueGate> overdue, List<ExplorationScore> explorationPms, List<DeliveryScore> deliveryPms) {

		/**
		 * @param month {@code yyyy-MM} of opening, {@code null} for the whole window
		 * @param track {@code GATE} (opening to decision), {@code TECHNICAL} or
		 * {@code COMMERCIAL} (opening to the track's valid approve or reject signature)
		 */
		record Row(String month, String track, long n, Double medianHours, Double p90Hours, Double withinSlaPct,
				Double within72hPct) {
		}

		/**
		 * One transition (from the stage a gate leaves to the next).
		 *
		 * @param slaHours its configured SLA
		 * @param decided gates of this transition decided among those opened in the
		 * window
		 */
		record Transition(String fromStage, String toStage, int slaHours, long decided, Double medianHours,
				Double withinSlaPct) {
		}

		record OverdueGate(long gateId, String prototypeKey, String fromStage, String toStage, Instant openedAt,
				Instant dueAt, double hoursOpen) {
		}

		/**
		 * @param technicalTracksSigned technical tracks of the PM's gates signed at least
		 * once
		 * @param approvedWithoutInvalidation of those, approved and never invalidated
		 */
		record ExplorationScore(long pmId, String name, long technicalTracksSigned, long approvedWithoutInvalidation,
				Double passRatePct) {
		}

		/**
		 * @param prototypes the PM's prototypes with a {@code renewal_rate_pct}
		 * observation in the window
		 * @param renewalRatePct mean over those prototypes of their latest value
		 */
		record DeliveryScore(long pmId, String name, long prototypes, Double renewalRatePct) {
		}

	}

}
