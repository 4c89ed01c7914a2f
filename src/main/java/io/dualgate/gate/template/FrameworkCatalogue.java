package io.dualgate.gate.template;

import io.dualgate.gate.checklist.FrameworkRef;

/**
 * The controls a checklist item may cite. The frameworks module provides it; checklist
 * templates ask it when an admin saves or imports a template, so that an item never cites
 * a clause no framework has.
 */
public interface FrameworkCatalogue {

	/** Whether the framework exists and has a control with the reference's clause id. */
	boolean knows(FrameworkRef reference);

}
