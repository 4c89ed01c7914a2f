package io.dualgate.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.dualgate.web.NavigationLink.Menu;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The navigation links the signed-in person may follow, in the bar and in its menus.
 * Hiding a link is a courtesy; every handler checks roles itself.
 */
@Component("navigation")
class Navigation {

	private final List<NavigationLink> links;

	Navigation(ObjectProvider<NavigationLink> links) {
		this.links = links.stream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
	}

	/** The links of the bar itself. */
	public List<NavigationLink> linksFor(Authentication authentication) {
		return visible(authentication).filter((link) -> link.menu() == Menu.MAIN).toList();
	}

	/** The menus with at least one link this person may follow, each with its links. */
	public List<MenuLinks> menusFor(Authentication authentication) {
		List<NavigationLink> visible = visible(authentication).toList();
		return Stream.of(Menu.values())
			.filter((menu) -> menu != Menu.MAIN)
			.map((menu) -> new MenuLinks(menu, visible.stream().filter((link) -> link.menu() == menu).toList()))
			.filter((menu) -> !menu.links().isEmpty())
			.toList();
	}

	private Stream<NavigationLink> visible(Authentication authentication) {
		if (authentication == null) {
			return Stream.empty();
		}
		Set<String> held = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		return this.links.stream()
			.filter((link) -> link.roles().isEmpty()
					|| link.roles().stream().anyMatch((role) -> held.contains("ROLE_" + role)));
	}

	/**
	 * A menu of the bar and the links in it.
	 *
	 * @param menu which menu
	 * @param links its links, in order
	 */
	public record MenuLinks(Menu menu, List<NavigationLink> links) {

		public String labelCode() {
			return this.menu.labelCode();
		}

		public String id() {
			return "menu-" + this.menu.name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
