package io.dualgate.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.dualgate.people.People;
import io.dualgate.people.Person;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prototypes as JSON for pipelines and reports.
 */
@RestController
@PreAuthorize("isAuthenticated()")
class PrototypeApiController {

	private final Portfolio portfolio;

	private final People people;

	PrototypeApiController(Portfolio portfolio, People people) {
		this.portfolio = portfolio;
		this.people = people;
	}

	@GetMapping("/api/v1/prototypes")
	List<PrototypeJson> list(@RequestParam(name = "stage", required = false) Stage stage,
			@RequestParam(name = "q", required = false) String query) {
		List<PrototypeView> prototypes = this.portfolio.search(stage, query);
		Map<Long, Person> pms = this.people
			.byIds(prototypes.stream().flatMap((p) -> Stream.of(p.explorationPmId(), p.deliveryPmId())).toList());
		return prototypes.stream().map((p) -> PrototypeJson.of(p, pms)).toList();
	}

	@GetMapping("/api/v1/prototypes/{key}")
	PrototypeJson get(@PathVariable String key) {
		PrototypeView prototype = this.portfolio.get(key);
		return PrototypeJson.of(prototype,
				this.people.byIds(List.of(prototype.explorationPmId(), prototype.deliveryPmId())));
	}

	record PmJson(String username, String fullName) {

		static PmJson of(Person person) {
			return (person != null) ? new PmJson(person.username(), person.fullName()) : null;
		}

	}

	record StageChangeJson(Stage from, Stage to, Instant at, String reason) {
	}

	record PrototypeJson(String key, String name, String problemStatement, String vertical, Stage stage,
			PmJson explorationPm, PmJson deliveryPm, Instant createdAt, List<StageChangeJson> stageHistory) {

		static PrototypeJson of(PrototypeView p, Map<Long, Person> people) {
			return new PrototypeJson(p.key(), p.name(), p.problemStatement(), p.vertical(), p.stage(),
					PmJson.of(people.get(p.explorationPmId())), PmJson.of(people.get(p.deliveryPmId())), p.createdAt(),
					p.history()
						.stream()
						.map((h) -> new StageChangeJson(h.fromStage(), h.toStage(), h.changedAt(), h.reason()))
						.toList());
		}

	}

}
