package io.dualgate.alignment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AlignmentPairRepository extends JpaRepository<AlignmentPair, Long> {

	List<AlignmentPair> findAllByOrderByPositionAscIdAsc();

	@Query("select coalesce(max(p.position), 0) from AlignmentPair p")
	int maxPosition();

}
