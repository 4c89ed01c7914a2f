package io.dualgate.portfolio;

import javax.sql.DataSource;

import io.dualgate.RepositoryTest;
import io.dualgate.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio's queries on PostgreSQL: the paged search people type into (name, key or
 * vertical, any case, one stage or all), whose prototypes a PM holds, and the rule that a
 * stage is entered once.
 */
@RepositoryTest
class PrototypeRepositoryTests {

	@Autowired
	PrototypeRepository prototypes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Rows rows;

	long explorer;

	long deliverer;

	@BeforeEach
	void twoPms() {
		this.rows = new Rows(this.jdbc, this.dataSource);
		this.explorer = this.rows.person(Rows.unique("exp"), "EXPLORATION_PM");
		this.deliverer = this.rows.person(Rows.unique("del"), "DELIVERY_PM");
	}

	@Test
	void theSearchMatchesNameKeyOrVerticalInAnyCaseAndPagesByName() {
		String vertical = Rows.unique("Quantum");
		this.rows.prototype(Rows.unique("QB-"), "Beta agent", vertical, this.explorer, this.deliverer);
		this.rows.prototype(Rows.unique("QA-"), "Alpha agent", vertical, this.explorer, this.deliverer);
		this.rows.prototype(Rows.unique("QC-"), "Gamma agent", vertical, this.explorer, this.deliverer);
		String key = Rows.unique("ZETA-");
		this.rows.prototype(key, "Unrelated", "Other", this.explorer, this.deliverer);

		Page<Prototype> first = this.prototypes.searchPage(null, vertical.toLowerCase(),
				PageRequest.of(0, 2, Sort.by("name", "key")));
		assertThat(first.getTotalElements()).isEqualTo(3);
		assertThat(first.getTotalPages()).isEqualTo(2);
		assertThat(first.getContent()).extracting(PrototypeRepositoryTests::name)
			.containsExactly("Alpha agent", "Beta agent");
		assertThat(this.prototypes.searchPage(null, vertical.toUpperCase(), PageRequest.of(1, 2, Sort.by("name")))
			.getContent()).extracting(PrototypeRepositoryTests::name).containsExactly("Gamma agent");

		assertThat(this.prototypes.search(null, key.toLowerCase())).extracting(Prototype::getKey).containsExactly(key);
		assertThat(this.prototypes.search(null, "unrelat")).extracting(Prototype::getKey).contains(key);
	}

	@Test
	void theSearchKeepsToTheStageAsked() {
		String vertical = Rows.unique("Staged");
		long killed = this.rows.prototype(Rows.unique("KILL-"), "Killed one", vertical, this.explorer, this.deliverer);
		this.rows.update("update prototype set stage = 'KILLED' where id = ?", killed);
		this.rows.prototype(Rows.unique("LIVE-"), "Living one", vertical, this.explorer, this.deliverer);
		assertThat(this.prototypes.search(Stage.KILLED, vertical)).extracting(PrototypeRepositoryTests::name)
			.containsExactly("Killed one");
		assertThat(this.prototypes.search(Stage.PROTOTYPE, vertical)).extracting(PrototypeRepositoryTests::name)
			.containsExactly("Living one");
		assertThat(this.prototypes.search(null, vertical)).hasSize(2);
	}

	@Test
	void aPmHoldsThePrototypesOfEitherTrack() {
		long other = this.rows.person(Rows.unique("other"), "EXPLORATION_PM");
		long mine = this.rows.prototype(Rows.unique("MINE-"), "Mine", "v", this.explorer, this.deliverer);
		long theirs = this.rows.prototype(Rows.unique("THEIRS-"), "Theirs", "v", other, this.deliverer);
		assertThat(this.prototypes.idsWithPm(this.explorer)).containsExactly(mine);
		assertThat(this.prototypes.idsWithPm(this.deliverer)).containsExactlyInAnyOrder(mine, theirs);
		assertThat(this.prototypes.existsByKey("NOBODY-HAS-THIS")).isFalse();
	}

	@Test
	void theDatabaseRefusesToEnterAStageTwice() {
		long id = this.rows.prototype(Rows.unique("ONCE-"), "Once", "v", this.explorer, this.deliverer);
		this.rows.refuses("""
				insert into stage_change (prototype_id, from_stage, to_stage, changed_at, reason)
				values (?, null, 'PROTOTYPE', now(), 'again')""", id).hasMessageContaining("stage_change_once");
		this.rows.refuses("insert into prototype (key, name, problem_statement, vertical, exploration_pm_id,"
				+ " delivery_pm_id, stage) select key, name, 'p', 'v', exploration_pm_id, delivery_pm_id, 'PROTOTYPE'"
				+ " from prototype where id = ?", id)
			.hasMessageContaining("prototype_key_unique");
	}

	private static String name(Prototype prototype) {
		return prototype.toView().name();
	}

}
