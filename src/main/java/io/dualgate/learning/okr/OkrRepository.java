package io.dualgate.learning.okr;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OkrRepository extends JpaRepository<Okr, Long> {

	List<Okr> findByPrototypeIdOrderByPeriodDescIdAsc(long prototypeId);

	List<Okr> findByPeriodAndPrototypeIdInOrderByPrototypeIdAscIdAsc(String period, Collection<Long> prototypeIds);

	List<Okr> findByPeriodOrderByPrototypeIdAscIdAsc(String period);

}
