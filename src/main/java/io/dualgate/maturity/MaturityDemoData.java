package io.dualgate.maturity;

import java.time.Clock;
import java.time.LocalDate;

import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A baseline scan and later re-assessments for every demo prototype.
 */
@Component
@Order(42)
@ConditionalOnBooleanProperty("dualgate.demo")
class MaturityDemoData implements ApplicationRunner {

	private static final int[][][] LEVELS = {
			// baseline, mid-year, latest: technical, value, compliance
			{ { 1, 1, 1 }, { 2, 2, 1 }, { 3, 2, 3 } }, // CONTRACT-RISK
			{ { 1, 1, 1 }, { 2, 1, 1 }, { 2, 2, 2 } }, // SUPPORT-DRAFTS
			{ { 2, 1, 1 }, { 2, 1, 1 }, { 2, 1, 2 } }, // CLAIMS-TRIAGE
			{ { 1, 2, 1 }, { 2, 2, 2 }, { 3, 3, 2 } }, // INVOICE-MATCH
			{ { 2, 1, 1 }, { 3, 1, 2 }, { 3, 1, 2 } }, // CLINICAL-NOTES
			{ { 1, 1, 1 }, { 1, 2, 1 }, { 2, 3, 2 } }, // SALES-COACH
	};

	private static final String[] KEYS = { "CONTRACT-RISK", "SUPPORT-DRAFTS", "CLAIMS-TRIAGE", "INVOICE-MATCH",
			"CLINICAL-NOTES", "SALES-COACH" };

	private final Maturity maturity;

	private final Portfolio portfolio;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MaturityDemoData(Maturity maturity, Portfolio portfolio, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock) {
		this.maturity = maturity;
		this.portfolio = portfolio;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.jdbc.sql("select count(*) from maturity_assessment").query(Long.class).single() > 0) {
				return;
			}
			LocalDate today = LocalDate.now(this.clock);
			LocalDate[] dates = { today.minusDays(330), today.minusDays(180), today.minusDays(20) };
			String[] notes = { "Baseline scan.", "Re-assessed after the mid-year review.",
					"Re-assessed before the next gate." };
			for (int p = 0; p < KEYS.length; p++) {
				PrototypeView prototype = this.portfolio.findByKey(KEYS[p]).orElse(null);
				if (prototype == null) {
					continue;
				}
				for (int a = 0; a < dates.length; a++) {
					int[] levels = LEVELS[p][a];
					this.maturity.appendForDemo(prototype,
							new AssessmentForm(dates[a], levels[0], levels[1], levels[2], notes[a]),
							prototype.explorationPmId());
				}
			}
		});
	}

}
