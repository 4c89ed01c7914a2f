package io.dualgate.portfolio;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Moves a prototype's stage when another module decides so. Synchronous, inside the
 * deciding transaction: if the move fails (a stage already entered, a stale version) the
 * decision rolls back with it.
 */
@Component
class StageDecisions {

	/** After the decision's own audit event, so the trail reads decision, then move. */
	static final int ORDER = 100;

	private final Portfolio portfolio;

	StageDecisions(Portfolio portfolio) {
		this.portfolio = portfolio;
	}

	@EventListener
	@Order(ORDER)
	void on(StageDecision decision) {
		this.portfolio.advance(decision.prototypeId(), decision.fromStage(), decision.toStage(), decision.decidedBy(),
				decision.at(), decision.reason());
	}

}
