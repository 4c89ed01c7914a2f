package io.dualgate.people;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends a person's sessions once a change of their rights has committed. Requests that
 * race with it are refused anyway: every request compares the session's rights stamp with
 * the account's ({@link People#stillHolds}).
 */
@Component
class SessionTermination {

	private static final Logger securityLog = LoggerFactory.getLogger("io.dualgate.security");

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	SessionTermination(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener
	void rightsChanged(AccountRightsChanged event) {
		FindByIndexNameSessionRepository<?> repository = this.sessions.getIfAvailable();
		if (repository == null) {
			return;
		}
		long ended = repository.findByPrincipalName(event.username())
			.keySet()
			.stream()
			.filter((id) -> !Objects.equals(id, event.keepSessionId()))
			.peek(repository::deleteById)
			.count();
		if (ended > 0) {
			securityLog.info("Ended {} session(s) of user id {} after a change of their rights", ended, event.userId());
		}
	}

}
