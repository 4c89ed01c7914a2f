package io.dualgate.learning.okr;

import io.dualgate.alignment.Scorecards;
import io.dualgate.alignment.Scorecards.Scorecard;
import io.dualgate.people.People;
import io.dualgate.people.Person;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.stereotype.Component;

/**
 * Beside a shared OKR, each track's own assessment: the Exploration PM's robustness pass
 * rate and the renewal rate behind the Delivery PM, as the dashboard computes them.
 */
@Component
public class OkrScorecards {

	private final Scorecards scorecards;

	private final People people;

	OkrScorecards(Scorecards scorecards, People people) {
		this.scorecards = scorecards;
		this.people = people;
	}

	/**
	 * The two PMs' figures; a figure is null when there is no basis for it yet.
	 */
	public record Pair(String explorationPm, Scorecard exploration, String deliveryPm, Scorecard delivery) {
	}

	public Pair of(PrototypeView prototype) {
		return new Pair(name(prototype.explorationPmId()),
				this.scorecards.exploration(prototype.explorationPmId()).orElse(null), name(prototype.deliveryPmId()),
				this.scorecards.delivery(prototype.deliveryPmId()).orElse(null));
	}

	private String name(long id) {
		return this.people.findById(id).map(Person::fullName).orElse("#" + id);
	}

}
