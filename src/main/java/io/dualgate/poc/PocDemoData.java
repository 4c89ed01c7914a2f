package io.dualgate.poc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import io.dualgate.people.People;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.portfolio.Stage;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One POC per demo prototype, whatever its stage (the gate module's demo data moves
 * stages on its own): planned where the prototype is still at PROTOTYPE, running or
 * finished later. CONTRACT-RISK's customer is willing to pay 30,000 USD a year with a
 * signed agreement.
 */
@Component
@Order(41)
@ConditionalOnBooleanProperty("dualgate.demo")
class PocDemoData implements ApplicationRunner {

	private final Pocs pocs;

	private final Portfolio portfolio;

	private final People people;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PocDemoData(Pocs pocs, Portfolio portfolio, People people, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock) {
		this.pocs = pocs;
		this.portfolio = portfolio;
		this.people = people;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.jdbc.sql("select count(*) from poc").query(Long.class).single() > 0) {
				return;
			}
			LocalDate today = LocalDate.now(this.clock);
			add("CONTRACT-RISK", "Northwind Legal LLP", today.minusWeeks(2), today.plusWeeks(10),
					"Flags 92% of non-standard liability and indemnity clauses; review time per contract under 45 min.",
					"30000", SovereigntyStatus.SIGNED, "https://contracts.example.com/northwind/dsa-2026.pdf");
			add("SUPPORT-DRAFTS", "Contoso Retail", today.minusWeeks(6), today.plusWeeks(6),
					"Agents accept 70% of drafts unchanged; first reply time under 2 hours.", "42000",
					SovereigntyStatus.IN_NEGOTIATION, null);
			add("CLAIMS-TRIAGE", "Fabrikam Mutual", today.minusWeeks(8), today.plusWeeks(4),
					"Routes 95% of first notices of loss correctly within 10 minutes.", "18000", SovereigntyStatus.NONE,
					null);
			add("INVOICE-MATCH", "Tailspin Logistics", today.minusWeeks(12), today.minusWeeks(2),
					"Auto-matches 85% of invoices; month-end close in 3 days.", "55000", SovereigntyStatus.SIGNED,
					"https://contracts.example.com/tailspin/dsa.pdf");
			add("CLINICAL-NOTES", "Lakeside General Hospital", today.plusWeeks(2), today.plusWeeks(14),
					"Discharge summaries reach the GP the same day; clinicians edit under 20% of text.", null,
					SovereigntyStatus.IN_NEGOTIATION, null);
			add("SALES-COACH", "Adventure Works", today.minusWeeks(4), today.plusWeeks(8),
					"New account executives reach quota two months earlier.", "26000", SovereigntyStatus.SIGNED,
					"https://contracts.example.com/adventure-works/dsa.pdf");
		});
	}

	private void add(String key, String customer, LocalDate start, LocalDate end, String criteria, String wtp,
			SovereigntyStatus sovereignty, String link) {
		PrototypeView prototype = this.portfolio.findByKey(key).orElse(null);
		if (prototype == null) {
			return;
		}
		PocStatus status = switch (prototype.stage()) {
			case PROTOTYPE, KILLED -> PocStatus.PLANNED;
			case POC -> PocStatus.RUNNING;
			default -> PocStatus.SUCCEEDED;
		};
		// Contract Risk Review's agreement runs out in three weeks: it shows on the
		// expiring
		// evidence page.
		LocalDate validUntil = key.equals("CONTRACT-RISK") ? LocalDate.now(this.clock).plusDays(21) : null;
		PocForm form = new PocForm(customer, start, end, criteria, (wtp != null) ? new BigDecimal(wtp) : null,
				sovereignty, link, status, (status == PocStatus.SUCCEEDED) ? "Success criteria met." : null, null,
				validUntil);
		this.pocs.createForDemo(prototype, form, prototype.deliveryPmId());
	}

}
