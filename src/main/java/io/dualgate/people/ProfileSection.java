package io.dualgate.people;

import org.springframework.ui.Model;

/**
 * A section another module adds to one's profile page (notification preferences), so that
 * people do not need to know that module.
 */
public interface ProfileSection {

	/** Position on the page, top to bottom. */
	int order();

	/**
	 * The Thymeleaf fragment to render, e.g.
	 * {@code notifications/profile :: preferences}.
	 */
	String fragment();

	/** Adds what the fragment needs to the model. */
	void populate(Person person, Model model);

}
