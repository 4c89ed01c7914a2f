package io.dualgate.learning.autonomy;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CapabilityRepository extends JpaRepository<Capability, Long> {

	List<Capability> findByPrototypeIdOrderByKey(long prototypeId);

	Optional<Capability> findByPrototypeIdAndKey(long prototypeId, String key);

	/**
	 * The capability with its row locked until the transaction ends: level changes queue
	 * here, so two batches of feedback arriving together cannot both move it.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Capability c where c.id = ?1")
	Optional<Capability> lockById(long id);

}
