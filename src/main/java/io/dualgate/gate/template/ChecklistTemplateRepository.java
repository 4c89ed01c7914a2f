package io.dualgate.gate.template;

import java.util.List;
import java.util.Optional;

import io.dualgate.gate.GateKind;
import io.dualgate.gate.Track;
import io.dualgate.portfolio.Stage;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChecklistTemplateRepository extends JpaRepository<ChecklistTemplate, Long> {

	Optional<ChecklistTemplate> findFirstByFromStageAndTrackOrderByVersionDesc(Stage fromStage, Track track);

	Optional<ChecklistTemplate> findFirstByKindAndToLevelAndTrackOrderByVersionDesc(GateKind kind, String toLevel,
			Track track);

	@Query("select t from ChecklistTemplate t order by t.kind, t.fromStage, t.toLevel, t.track, t.version desc")
	List<ChecklistTemplate> findAllOrdered();

}
