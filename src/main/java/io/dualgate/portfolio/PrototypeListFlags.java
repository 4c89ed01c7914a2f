package io.dualgate.portfolio;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Warnings another module shows beside prototypes in the portfolio list (a met kill
 * criterion, an overdue gate), so that the portfolio does not need to know those modules.
 */
public interface PrototypeListFlags {

	/**
	 * Message codes of the flags to show, by prototype id; prototypes without flags may
	 * be absent.
	 */
	Map<Long, Set<String>> flagsFor(Collection<Long> prototypeIds);

}
