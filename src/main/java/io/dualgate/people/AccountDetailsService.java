package io.dualgate.people;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for Spring Security; usernames match case-insensitively.
 */
@Component
class AccountDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final Clock clock;

	AccountDetailsService(UserAccountRepository accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsernameIgnoringCase(username)
			.map(this::toDetails)
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	AuthenticatedUser toDetails(UserAccount account) {
		return new AuthenticatedUser(account.getId(), account.getUsername(), account.getFullName(), account.getRoles(),
				account.isActive(), account.isLocked(this.clock.instant()), account.getSecurityStamp(),
				account.getPasswordHash());
	}

}
