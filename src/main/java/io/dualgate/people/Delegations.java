package io.dualgate.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dualgate.audit.AuditLog;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.NotPermittedException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Delegations of signing authority: who may sign a PM's track while they are away. The
 * rules for a new one live here (one place for the profile form, the admin form and the
 * API); the gate asks {@link #runningOf} whenever it decides who may sign, and checks the
 * instant itself.
 */
@Service
@Transactional(readOnly = true)
public class Delegations {

	/** The longest period one delegation may cover. */
	static final Duration MAX_PERIOD = Duration.ofDays(90);

	private final DelegationRepository delegations;

	private final UserAccountRepository accounts;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Delegations(DelegationRepository delegations, UserAccountRepository accounts, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock) {
		this.delegations = delegations;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Grants a delegation, refusing with a message on the field at fault: a delegate
	 * without the track's role, oneself, an end before the start or in the past, a period
	 * over 90 days, or a period overlapping another delegation of the same track.
	 */
	@Transactional
	public ActiveDelegation grant(DelegationRequest request, long actingUserId) {
		UserAccount acting = this.accounts.findById(actingUserId)
			.orElseThrow(() -> new NotFoundException("person.notFound", actingUserId));
		boolean admin = acting.isActive() && acting.getRoles().contains(Role.ADMIN);
		UserAccount delegator = acting;
		if (StringUtils.hasText(request.delegator())
				&& !request.delegator().strip().equalsIgnoreCase(acting.getUsername())) {
			if (!admin) {
				throw new NotPermittedException("delegation.delegator.adminOnly");
			}
			delegator = this.accounts.findByUsernameIgnoringCase(request.delegator().strip())
				.orElseThrow(() -> new InvalidFieldException("delegator", "delegation.delegator.unknown"));
		}
		if (request.track() == null) {
			throw new InvalidFieldException("track", "delegation.track.required");
		}
		Role role = request.track().role();
		if (!delegator.isActive() || !delegator.getRoles().contains(role)) {
			throw new InvalidFieldException((delegator == acting) ? "track" : "delegator", "delegation.delegator.role",
					request.track());
		}
		if (!StringUtils.hasText(request.delegate())) {
			throw new InvalidFieldException("delegate", "delegation.delegate.required");
		}
		UserAccount delegate = this.accounts.findByUsernameIgnoringCase(request.delegate().strip())
			.orElseThrow(() -> new InvalidFieldException("delegate", "delegation.delegate.unknown"));
		if (delegate.getId().equals(delegator.getId())) {
			throw new InvalidFieldException("delegate", "delegation.delegate.self");
		}
		if (!delegate.isActive() || !delegate.getRoles().contains(role)) {
			throw new InvalidFieldException("delegate", "delegation.delegate.role", request.track());
		}
		Instant now = this.clock.instant();
		Instant from = (request.from() != null) ? request.from() : now;
		if (request.until() == null) {
			throw new InvalidFieldException("until", "delegation.until.required");
		}
		Instant until = request.until();
		if (!until.isAfter(from)) {
			throw new InvalidFieldException("until", "delegation.until.beforeFrom");
		}
		if (!until.isAfter(now)) {
			throw new InvalidFieldException("until", "delegation.until.past");
		}
		if (Duration.between(from, until).compareTo(MAX_PERIOD) > 0) {
			throw new InvalidFieldException("until", "delegation.until.tooLong", MAX_PERIOD.toDays());
		}
		String reason = (request.reason() != null) ? request.reason().strip() : "";
		if (reason.isEmpty()) {
			throw new InvalidFieldException("reason", "delegation.reason.required");
		}
		if (reason.length() > 500) {
			throw new InvalidFieldException("reason", "delegation.reason.tooLong", 500);
		}
		if (this.delegations.overlaps(delegator.getId(), request.track(), from, until)) {
			throw new InvalidFieldException("from", "delegation.overlap", request.track());
		}
		Delegation delegation;
		try {
			delegation = this.delegations.saveAndFlush(new Delegation(delegator.getId(), delegate.getId(),
					request.track(), from, until, reason, actingUserId, now));
		}
		catch (DataIntegrityViolationException ex) {
			// Two grants raced past the check above: the exclusion constraint kept one.
			throw new InvalidFieldException("from", "delegation.overlap", request.track());
		}
		this.auditLog.record("DELEGATION_CREATED", "delegation", delegation.getId(), null,
				AuditLog.values("delegator", delegator.getUsername(), "delegate", delegate.getUsername(), "track",
						request.track(), "from", from, "until", until),
				reason);
		this.events.publishEvent(new DelegationGranted(delegation.getId(), delegator.getId(), delegator.getFullName(),
				delegate.getId(), request.track(), from, until, reason));
		return view(delegation);
	}

	/** Ends a delegation now: its delegator, or an admin. */
	@Transactional
	public ActiveDelegation revoke(long id, long actingUserId) {
		Delegation delegation = this.delegations.findById(id)
			.orElseThrow(() -> new NotFoundException("delegation.notFound", id));
		UserAccount acting = this.accounts.findById(actingUserId)
			.orElseThrow(() -> new NotFoundException("person.notFound", actingUserId));
		boolean admin = acting.isActive() && acting.getRoles().contains(Role.ADMIN);
		if (!admin && delegation.getDelegatorId() != actingUserId) {
			throw new NotPermittedException("delegation.revoke.notYours");
		}
		Instant now = this.clock.instant();
		if (delegation.getRevokedAt() != null || !delegation.getValidUntil().isAfter(now)) {
			return view(delegation);
		}
		delegation.revoke(actingUserId, now);
		this.delegations.flush();
		this.auditLog.record("DELEGATION_REVOKED", "delegation", id,
				AuditLog.values("until", delegation.getValidUntil()), AuditLog.values("revokedAt", now), null);
		return view(delegation);
	}

	/**
	 * The delegations of these PMs that are not over at {@code at}. Callers check
	 * {@link ActiveDelegation#runsAt} for the instant they act at.
	 */
	public List<ActiveDelegation> runningOf(Collection<Long> delegatorIds, Instant at) {
		if (delegatorIds.isEmpty()) {
			return List.of();
		}
		return views(this.delegations.findUnfinishedOf(delegatorIds, at)).stream().filter((d) -> d.runsAt(at)).toList();
	}

	/** Whose signing this person holds at {@code at}. */
	public List<ActiveDelegation> heldBy(long delegateId, Instant at) {
		return views(this.delegations.findRunningFor(delegateId, at)).stream().filter((d) -> d.runsAt(at)).toList();
	}

	/** Given and received, newest first. */
	public List<ActiveDelegation> involving(long personId) {
		return views(this.delegations.findInvolving(personId));
	}

	List<ActiveDelegation> all() {
		return views(this.delegations.findAllByOrderByValidFromDescIdDesc());
	}

	public ActiveDelegation get(long id) {
		return view(this.delegations.findById(id).orElseThrow(() -> new NotFoundException("delegation.notFound", id)));
	}

	/**
	 * Writes the end of every delegation that ran out to the audit trail. Only the trail
	 * waits for this job: the delegation itself stopped at its instant.
	 */
	@Scheduled(cron = "${dualgate.delegations.expiry-cron:0 */5 * * * *}", zone = "UTC")
	@SchedulerLock(name = "delegation-expiry", lockAtMostFor = "PT4M", lockAtLeastFor = "PT5S")
	@Transactional
	public void recordExpiriesOnSchedule() {
		recordExpiries();
	}

	/**
	 * @return how many ended delegations were written to the audit trail
	 */
	@Transactional
	public int recordExpiries() {
		Instant now = this.clock.instant();
		List<Delegation> expired = this.delegations.findExpiredUnrecorded(now);
		for (Delegation delegation : expired) {
			delegation.recordExpiry(now);
			this.auditLog.recordAs("system", "DELEGATION_EXPIRED", "delegation", delegation.getId(), null,
					AuditLog.values("until", delegation.getValidUntil()), "period over");
		}
		return expired.size();
	}

	private ActiveDelegation view(Delegation delegation) {
		return views(List.of(delegation)).get(0);
	}

	private List<ActiveDelegation> views(List<Delegation> list) {
		Set<Long> ids = new HashSet<>();
		list.forEach((d) -> {
			ids.add(d.getDelegatorId());
			ids.add(d.getDelegateId());
		});
		Map<Long, String> names = new java.util.HashMap<>();
		this.accounts.findByIdIn(ids).forEach((a) -> names.put(a.getId(), a.getFullName()));
		return list.stream().map((d) -> d.toView(names.get(d.getDelegatorId()), names.get(d.getDelegateId()))).toList();
	}

}
