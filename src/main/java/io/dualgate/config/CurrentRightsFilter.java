package io.dualgate.config;

import java.io.IOException;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.People;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request acts on the person's current rights, not on the copy its session took at
 * login: when the account was deactivated, or its roles or password changed since, the
 * session ends here and the request goes on unauthenticated (to the login page, or 403
 * for a form post). One primary-key read per request.
 */
class CurrentRightsFilter extends OncePerRequestFilter {

	private static final Logger securityLog = LoggerFactory.getLogger("io.dualgate.security");

	private final People people;

	CurrentRightsFilter(People people) {
		this.people = people;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
				&& !this.people.stillHolds(user)) {
			securityLog.warn("Ended a session of user id {}: the account's rights changed since it signed in",
					user.id());
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

}
