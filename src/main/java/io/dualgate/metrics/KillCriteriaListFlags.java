package io.dualgate.metrics;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.dualgate.portfolio.PrototypeListFlags;

import org.springframework.stereotype.Component;

/**
 * Flags prototypes whose kill criterion is met in the portfolio list: people decide, the
 * list makes sure they see it.
 */
@Component
class KillCriteriaListFlags implements PrototypeListFlags {

	private final KillCriteria killCriteria;

	KillCriteriaListFlags(KillCriteria killCriteria) {
		this.killCriteria = killCriteria;
	}

	@Override
	public Map<Long, Set<String>> flagsFor(Collection<Long> prototypeIds) {
		Map<Long, Set<String>> flags = new HashMap<>();
		for (KillCriteria.Flag flag : this.killCriteria.met()) {
			long id = flag.criterion().prototypeId();
			if (prototypeIds.contains(id)) {
				flags.put(id, Set.of("flag.killCriterionMet"));
			}
		}
		return flags;
	}

}
