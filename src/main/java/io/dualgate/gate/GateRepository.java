package io.dualgate.gate;

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
			and i.spec.kind = io.dualgate.gate.checklist.ItemKind.COMPUTED""")
	List<Gate> findOpenWithComputedItems();

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
