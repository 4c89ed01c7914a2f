package io.dualgate.portfolio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.dualgate.audit.AuditLog;
import io.dualgate.people.People;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo prototypes, registered on an empty portfolio in demo mode. Stages beyond PROTOTYPE
 * are reached through gates, which the gate module's demo data opens and decides.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("dualgate.demo")
class PortfolioDemoData implements ApplicationRunner {

	private final PrototypeRepository prototypes;

	private final People people;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PortfolioDemoData(PrototypeRepository prototypes, People people, AuditLog auditLog,
			TransactionTemplate transactions, Clock clock) {
		this.prototypes = prototypes;
		this.people = people;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.prototypes.count() > 0) {
				return;
			}
			long explorer = this.people.findByUsername("explorer").orElseThrow().id();
			long labExplorer = this.people.findByUsername("labexplorer").orElseThrow().id();
			long deliverer = this.people.findByUsername("deliverer").orElseThrow().id();
			add("CONTRACT-RISK", "Contract Risk Review", "Legal tech",
					"In-house counsel spend 3-4 hours per supplier contract finding liability, indemnity and"
							+ " data-transfer clauses that deviate from the playbook; reviews queue for a week"
							+ " and deals slip.",
					explorer, deliverer, 300);
			add("SUPPORT-DRAFTS", "Support Reply Drafts", "Customer support",
					"Tier-1 agents answer 60 tickets a day, most of them variations of a hundred known"
							+ " problems; first replies take 9 hours and answers differ from agent to agent.",
					explorer, deliverer, 360);
			add("CLAIMS-TRIAGE", "Claims Triage Agent", "Insurance",
					"Property claims wait two days for a handler to read the first notice of loss and"
							+ " route it; simple claims and suspected fraud sit in the same queue.",
					labExplorer, deliverer, 200);
			add("INVOICE-MATCH", "Invoice Matching Copilot", "Finance operations",
					"Accounts-payable clerks match invoices to purchase orders and receipts by hand;"
							+ " 18% need a second look and month-end close takes six days.",
					explorer, deliverer, 420);
			add("CLINICAL-NOTES", "Clinical Notes Summariser", "Healthcare",
					"Hospitalists spend 90 minutes a shift writing discharge summaries from scattered"
							+ " notes; summaries arrive late at the GP and readmissions follow.",
					labExplorer, deliverer, 240);
			add("SALES-COACH", "Sales Call Coach", "Sales",
					"New account executives take nine months to ramp; managers can review only 2% of"
							+ " recorded calls to coach them.",
					explorer, deliverer, 330);
		});
	}

	private void add(String key, String name, String vertical, String problem, long explorationPm, long deliveryPm,
			int daysAgo) {
		Instant created = this.clock.instant().minus(Duration.ofDays(daysAgo));
		Prototype prototype = new Prototype(key, name, problem, vertical, explorationPm, deliveryPm, created,
				explorationPm);
		this.prototypes.saveAndFlush(prototype);
		this.auditLog.recordAs("system", "PROTOTYPE_REGISTERED", "prototype", key, null,
				AuditLog.values("key", key, "name", name), "demo data");
	}

}
