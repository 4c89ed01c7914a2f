package io.dualgate.gate;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GateRepository extends JpaRepository<Gate, Long> {

	@Query("select g from Gate g where (:status is null or g.status = :status) order by g.openedAt desc")
	List<Gate> findByStatusOrAll(GateStatus status);

	List<Gate> findByPrototypeIdOrderByOpenedAtDesc(long prototypeId);

	Optional<Gate> findByPrototypeIdAndStatusAndKind(long prototypeId, GateStatus status, GateKind kind);

	/**
	 * The open gates of a prototype: its stage gate and its capabilities' autonomy gates.
	 */
	List<Gate> findByPrototypeIdAndStatusOrderById(long prototypeId, GateStatus status);

	Optional<Gate> findByPrototypeIdAndStatusAndKindAndCapability(long prototypeId, GateStatus status, GateKind kind,
			String capability);

	@Query("""
			select distinct i.gate from GateItem i where i.gate.status = io.dualgate.gate.GateStatus.OPEN
			and i.kind = io.dualgate.gate.checklist.ItemKind.COMPUTED""")
	List<Gate> findOpenWithComputedItems();

	long countByStatus(GateStatus status);

	/**
	 * One page of gates, overdue open gates first, then the other open ones, then the
	 * decided ones, each newest first (the order lists have always shown).
	 */
	@Query(value = """
			select g.* from gate g
			where (cast(:status as varchar) is null or g.status = cast(:status as varchar))
			order by case when g.status = 'OPEN' and g.opened_at + g.sla_seconds * interval '1 second' < :now
			              then 0 else 1 end,
			         case when g.status = 'OPEN' then 0 else 1 end, g.opened_at desc, g.id desc
			limit :limit offset :offset""", nativeQuery = true)
	List<Gate> findPageOverdueFirst(String status, Instant now, int limit, long offset);

	Optional<Gate> findByPrototypeIdAndStatus(long prototypeId, GateStatus status);

	List<Gate> findByStatusAndPrototypeIdIn(GateStatus status, Collection<Long> prototypeIds);

	@Query("""
			select distinct i.gate from GateItem i where i.gate.status = io.dualgate.gate.GateStatus.OPEN
			and i.evidenceValidUntil < ?1 and i.evidenceExpiredOn is null""")
	List<Gate> findOpenWithLapsedEvidence(java.time.LocalDate today);

	/** Dated evidence on open gates due on or before {@code until}. */
	@Query("""
			select i from GateItem i join fetch i.gate g where g.status = io.dualgate.gate.GateStatus.OPEN
			and i.evidenceValidUntil <= ?1 order by i.evidenceValidUntil, g.id""")
	List<GateItem> findDatedEvidenceOnOpenGates(java.time.LocalDate until);

}
