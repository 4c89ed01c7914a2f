package io.dualgate.gate;

import io.dualgate.people.AuthenticatedUser;

import org.springframework.ui.Model;

/**
 * A section another module adds to the gate page (the reminders sent, for instance), so
 * that the gate does not need to know that module.
 */
public interface GatePageSection {

	/** Position below the tracks, top to bottom. */
	int order();

	/**
	 * The Thymeleaf fragment to render, e.g. {@code notifications/sections :: followUps}.
	 */
	String fragment();

	/** Adds what the fragment needs to the model. */
	void populate(GateView gate, AuthenticatedUser viewer, Model model);

}
