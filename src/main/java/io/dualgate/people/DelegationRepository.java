package io.dualgate.people;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DelegationRepository extends JpaRepository<Delegation, Long> {

	/**
	 * Not revoked and not yet over at {@code at}: candidates that every use checks again.
	 */
	@Query("""
			select d from Delegation d where d.delegatorId in ?1 and d.revokedAt is null and d.validUntil > ?2
			order by d.validFrom""")
	List<Delegation> findUnfinishedOf(Collection<Long> delegatorIds, Instant at);

	@Query("""
			select d from Delegation d where d.delegateId = ?1 and d.revokedAt is null and d.validFrom <= ?2
			and d.validUntil > ?2 order by d.validFrom""")
	List<Delegation> findRunningFor(long delegateId, Instant at);

	@Query("select d from Delegation d where d.delegatorId = ?1 or d.delegateId = ?1 order by d.validFrom desc, d.id desc")
	List<Delegation> findInvolving(long personId);

	List<Delegation> findAllByOrderByValidFromDescIdDesc();

	/** Over, never revoked, and not yet written to the audit trail as expired. */
	@Query("select d from Delegation d where d.revokedAt is null and d.validUntil <= ?1 and d.expiryRecordedAt is null")
	List<Delegation> findExpiredUnrecorded(Instant at);

	@Query("""
			select count(d) > 0 from Delegation d where d.delegatorId = ?1 and d.authority = ?2 and d.revokedAt is null
			and d.validFrom < ?4 and d.validUntil > ?3""")
	boolean overlaps(long delegatorId, SigningAuthority authority, Instant from, Instant until);

}
