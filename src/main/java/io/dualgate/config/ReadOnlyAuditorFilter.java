package io.dualgate.config;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import io.dualgate.people.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An auditor reads everything and writes nothing: every request that could change state
 * (any method but GET, HEAD, OPTIONS, TRACE) by someone holding the AUDITOR role is
 * refused here with 403, whatever the handler's own rule says, so that an endpoint added
 * later cannot forget it. The only writes left are to the auditor's own account:
 * password, personal API tokens, language, notification preferences and read marks.
 */
class ReadOnlyAuditorFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final String AUDITOR = Role.AUDITOR.authority();

	/** Writes to one's own account, which an auditor needs like anyone else. */
	static final List<String> OWN_ACCOUNT = List.of("/profile/password", "/profile/tokens", "/profile/tokens/*/revoke",
			"/profile/language", "/profile/notifications", "/notifications/*/read", "/notifications/read-all",
			"/api/v1/tokens", "/api/v1/notifications/*/read",
			// not a write: the error page, which a refused POST is forwarded to
			"/error");

	private static final List<RequestMatcher> OWN_ACCOUNT_MATCHERS = OWN_ACCOUNT.stream()
		.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern))
		.toList();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE_METHODS.contains(request.getMethod()) && isAuditor()
				&& OWN_ACCOUNT_MATCHERS.stream().noneMatch((matcher) -> matcher.matches(request))) {
			throw new AccessDeniedException("An auditor reads and never writes.");
		}
		chain.doFilter(request, response);
	}

	private static boolean isAuditor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (AUDITOR.equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
