package io.dualgate.web;

import java.util.Set;

/**
 * A link in the navigation bar that a module contributes as a bean; shown to people
 * holding any of the roles (all signed-in people when empty).
 *
 * @param order position from the left (within its menu)
 * @param path where it leads
 * @param labelCode message code of its text
 * @param roles role names without the {@code ROLE_} prefix
 * @param menu where it sits: in the bar itself or in one of its menus
 */
public record NavigationLink(int order, String path, String labelCode, Set<String> roles, Menu menu) {

	/** A link in the bar itself. */
	public NavigationLink(int order, String path, String labelCode, Set<String> roles) {
		this(order, path, labelCode, roles, Menu.MAIN);
	}

	/**
	 * Where a link sits. Links grouped in menus keep the bar on one line at any width
	 * where it is expanded (a bar that overflows pushes its last links off the page).
	 */
	public enum Menu {

		/** In the bar itself. */
		MAIN("nav.menu.main"),

		/** Evidence: metrics, uploads, kill criteria, expiring evidence. */
		EVIDENCE("nav.menu.evidence"),

		/** Administration: people, checklists, delegations, webhooks, the audit trail. */
		ADMIN("nav.menu.admin");

		private final String labelCode;

		Menu(String labelCode) {
			this.labelCode = labelCode;
		}

		public String labelCode() {
			return this.labelCode;
		}

	}

}
