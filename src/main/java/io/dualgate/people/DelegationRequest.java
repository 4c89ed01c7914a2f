package io.dualgate.people;

import java.time.Instant;

/**
 * What a PM (or an admin for an absent PM) asks for: hand {@code track}'s signing to
 * {@code delegate} from {@code from} until {@code until}, for {@code reason}.
 *
 * @param delegator whose signing is handed on; {@code null} for oneself (only admins name
 * someone else)
 */
public record DelegationRequest(SigningAuthority track, String delegate, Instant from, Instant until, String reason,
		String delegator) {
}
