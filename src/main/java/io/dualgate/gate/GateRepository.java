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

	Optional<Gate> findByPrototypeIdAndStatus(long prototypeId, GateStatus status);

	List<Gate> findByStatusAndPrototypeIdIn(GateStatus status, Collection<Long> prototypeIds);

}
