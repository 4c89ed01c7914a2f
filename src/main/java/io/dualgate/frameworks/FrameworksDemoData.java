package io.dualgate.frameworks;

import java.util.List;

import io.dualgate.people.People;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode the three frameworks apply, as an admin would have chosen them, so that
 * coverage pages show something. Only on a database where nobody chose yet.
 */
@Component
@Order(35)
@ConditionalOnBooleanProperty("dualgate.demo")
class FrameworksDemoData implements ApplicationRunner {

	private final Frameworks frameworks;

	private final People people;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	FrameworksDemoData(Frameworks frameworks, People people, JdbcClient jdbc, TransactionTemplate transactions) {
		this.frameworks = frameworks;
		this.people = people;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean chosenBefore = this.jdbc.sql("select count(*) from framework where applicable_changed_at is not null")
			.query(Long.class)
			.single() > 0;
		if (chosenBefore) {
			return;
		}
		this.people.findByUsername("admin")
			.ifPresent((admin) -> this.transactions.executeWithoutResult(
					(status) -> this.frameworks.choose(List.of("ISO42001", "EUAIACT", "NISTAIRMF"), admin.id())));
	}

}
