package io.dualgate.portfolio;

import io.dualgate.people.AuthenticatedUser;

import org.springframework.ui.Model;

/**
 * A section another module adds to the prototype page (its gates, its evidence), so that
 * the portfolio does not need to know those modules.
 */
public interface PrototypePageSection {

	/** Position on the page, top to bottom. */
	int order();

	/** The Thymeleaf fragment to render, e.g. {@code gate/sections :: gates}. */
	String fragment();

	/** Adds what the fragment needs to the model. */
	void populate(PrototypeView prototype, AuthenticatedUser viewer, Model model);

}
