package io.dualgate.people;

/**
 * The rights of a person's sessions changed (deactivated, roles changed, password
 * changed): their sessions end, except the one that made a change to itself.
 *
 * @param userId whose rights
 * @param username the principal name their sessions are indexed by
 * @param keepSessionId the session to keep (the person's own, changing their password),
 * or {@code null}
 */
record AccountRightsChanged(long userId, String username, String keepSessionId) {
}
