package io.dualgate.portfolio;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PrototypeRepository extends JpaRepository<Prototype, Long> {

	Optional<Prototype> findByKey(String key);

	boolean existsByKey(String key);

	@Query("select p.id from Prototype p where p.explorationPmId = :userId or p.deliveryPmId = :userId")
	Set<Long> idsWithPm(long userId);

	@Query("""
			select p from Prototype p
			where (:stage is null or p.stage = :stage)
			  and (:q is null or lower(p.name) like lower(concat('%', cast(:q as string), '%'))
			       or lower(p.key) like lower(concat('%', cast(:q as string), '%'))
			       or lower(p.vertical) like lower(concat('%', cast(:q as string), '%')))
			order by p.name""")
	List<Prototype> search(Stage stage, String q);

	@Query(value = """
			select p from Prototype p
			where (:stage is null or p.stage = :stage)
			  and (:q is null or lower(p.name) like lower(concat('%', cast(:q as string), '%'))
			       or lower(p.key) like lower(concat('%', cast(:q as string), '%'))
			       or lower(p.vertical) like lower(concat('%', cast(:q as string), '%')))""", countQuery = """
			select count(p) from Prototype p
			where (:stage is null or p.stage = :stage)
			  and (:q is null or lower(p.name) like lower(concat('%', cast(:q as string), '%'))
			       or lower(p.key) like lower(concat('%', cast(:q as string), '%'))
			       or lower(p.vertical) like lower(concat('%', cast(:q as string), '%')))""")
	Page<Prototype> searchPage(Stage stage, String q, Pageable pageable);

}
