package io.dualgate.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The navigation links the signed-in person may follow. Hiding a link is a courtesy;
 * every handler checks roles itself.
 */
@Component("navigation")
class Navigation {

	private final List<NavigationLink> links;

	Navigation(ObjectProvider<NavigationLink> links) {
		this.links = links.stream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
	}

	public List<NavigationLink> linksFor(Authentication authentication) {
		if (authentication == null) {
			return List.of();
		}
		Set<String> held = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		return this.links.stream()
			.filter((link) -> link.roles().isEmpty()
					|| link.roles().stream().anyMatch((role) -> held.contains("ROLE_" + role)))
			.toList();
	}

}
