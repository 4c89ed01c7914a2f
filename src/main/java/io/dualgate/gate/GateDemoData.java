package io.dualgate.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import io.dualgate.gate.checklist.Answer;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.people.People;
import io.dualgate.portfolio.Portfolio;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo gates with real signatures (SHA-256 of the canonical answers), spread over past
 * months so that the SLA figures mean something. Runs once, on a database without gates.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("dualgate.demo")
class GateDemoData implements ApplicationRunner {

	/**
	 * Realistic passing values for measured items, by code (else the threshold itself).
	 */
	private static final Map<String, String> PASSING = Map.ofEntries(Map.entry("availability_pct", "99.97"),
			Map.entry("rag_latency_p95_ms", "187"), Map.entry("hallucination_rate_pct", "0.18"),
			Map.entry("willingness_to_pay_usd", "142000"), Map.entry("task_completion_rate_pct", "95.3"),
			Map.entry("nps", "41"), Map.entry("ltv_cac", "3.4"), Map.entry("retention_30d_pct", "64"));

	private final Gates gates;

	private final GateRepository repository;

	private final Portfolio portfolio;

	private final People people;

	private final TransactionTemplate transactions;

	private final Clock clock;

	GateDemoData(Gates gates, GateRepository repository, Portfolio portfolio, People people,
			TransactionTemplate transactions, Clock clock) {
		this.gates = gates;
		this.repository = repository;
		this.portfolio = portfolio;
		this.people = people;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.repository.count() > 0 || this.portfolio.findByKey("CONTRACT-RISK").isEmpty()) {
			return;
		}
		Actor explorer = actor("explorer");
		Actor labExplorer = actor("labexplorer");
		Actor deliverer = actor("deliverer");
		Instant today = this.clock.instant().truncatedTo(ChronoUnit.DAYS);

		// Support Reply Drafts: two gates passed, now in PILOT (the second decided late).
		inTx(() -> {
			passThrough("SUPPORT-DRAFTS", explorer, deliverer, at(today, 300, 9, 15), 20, 30);
			passThrough("SUPPORT-DRAFTS", explorer, deliverer, at(today, 150, 14, 40), 40, 70);
		});
		// Invoice Matching Copilot: three gates passed, in PRODUCTION.
		inTx(() -> {
			passThrough("INVOICE-MATCH", explorer, deliverer, at(today, 380, 10, 0), 6, 26);
			passThrough("INVOICE-MATCH", explorer, deliverer, at(today, 270, 16, 30), 30, 55);
			passThrough("INVOICE-MATCH", explorer, deliverer, at(today, 120, 8, 45), 20, 44);
		});
		// Clinical Notes Summariser: in POC.
		inTx(() -> passThrough("CLINICAL-NOTES", labExplorer, deliverer, at(today, 200, 13, 0), 12, 36));
		// Sales Call Coach: reached POC, then stopped by people.
		inTx(() -> {
			passThrough("SALES-COACH", explorer, deliverer, at(today, 280, 9, 30), 50, 52);
			this.portfolio.kill("SALES-COACH", deliverer.id(),
					"Kill criterion met: call-coaching acceptance below 40% for 8 weeks with no improving trend");
		});
		// Claims Triage Agent: technical approved, commercial rejected.
		inTx(() -> {
			Instant opened = at(today, 150, 11, 20);
			Gate gate = this.gates.open("CLAIMS-TRIAGE", labExplorer, opened);
			answerAll(gate.getId(), Track.TECHNICAL, labExplorer, opened.plus(Duration.ofHours(4)));
			answerAll(gate.getId(), Track.COMMERCIAL, deliverer, opened.plus(Duration.ofHours(6)));
			this.gates.answer(gate.getId(), Track.COMMERCIAL, "willingness_to_pay_usd", Answer.value("8000"), null,
					deliverer, "FORM", opened.plus(Duration.ofHours(7)));
			sign(gate.getId(), Track.TECHNICAL, labExplorer, Meaning.APPROVE, null, opened.plus(Duration.ofHours(10)));
			sign(gate.getId(), Track.COMMERCIAL, deliverer, Meaning.REJECT,
					"No customer has committed budget: willingness to pay is 8,000 USD/year, far below 25,000",
					opened.plus(Duration.ofHours(60)));
		});
		// Contract Risk Review: open gate, technical signed by explorer, commercial
		// awaits deliverer.
		inTx(() -> {
			Instant opened = this.clock.instant().minus(Duration.ofHours(60)).truncatedTo(ChronoUnit.MINUTES);
			Gate gate = this.gates.open("CONTRACT-RISK", explorer, opened);
			answerAll(gate.getId(), Track.TECHNICAL, explorer, opened.plus(Duration.ofHours(3)));
			this.gates.answer(gate.getId(), Track.TECHNICAL, "rag_latency_p95_ms", Answer.value("287"), null, explorer,
					"FORM", opened.plus(Duration.ofHours(4)));
			answerAll(gate.getId(), Track.COMMERCIAL, deliverer, opened.plus(Duration.ofHours(20)));
			// the evidence is the POC's signed agreement (which expires: see the POC)
			this.gates.answer(gate.getId(), Track.COMMERCIAL, "data_sovereignty",
					Answer.link("https://contracts.example.com/northwind/dsa-2026.pdf"), null, deliverer, "FORM",
					opened.plus(Duration.ofHours(21)));
			sign(gate.getId(), Track.TECHNICAL, explorer, Meaning.APPROVE, null, opened.plus(Duration.ofHours(26)));
		});
	}

	private void passThrough(String key, Actor technical, Actor commercial, Instant opened, int technicalHours,
			int commercialHours) {
		Gate gate = this.gates.open(key, technical, opened);
		answerAll(gate.getId(), Track.TECHNICAL, technical, opened.plus(Duration.ofHours(technicalHours / 2)));
		answerAll(gate.getId(), Track.COMMERCIAL, commercial, opened.plus(Duration.ofHours(commercialHours / 2)));
		sign(gate.getId(), Track.TECHNICAL, technical, Meaning.APPROVE, null,
				opened.plus(Duration.ofHours(technicalHours)));
		sign(gate.getId(), Track.COMMERCIAL, commercial, Meaning.APPROVE, null,
				opened.plus(Duration.ofHours(commercialHours)));
	}

	private void answerAll(long gateId, Track track, Actor by, Instant at) {
		Gate gate = this.gates.load(gateId);
		int minute = 0;
		for (GateItem item : gate.items(track)) {
			ItemSpec spec = item.spec();
			Answer answer = switch (spec.kind()) {
				case ATTESTATION -> Answer.yes(true);
				case EVIDENCE_LINK -> Answer.link("https://docs.dualgate.example/" + gate.getPrototypeId() + "/"
						+ spec.code().replace('_', '-') + ".pdf");
				case MEASURE -> new Answer(null, passing(spec), null);
				case COMPUTED -> null; // computed from data, never answered
			};
			if (answer == null) {
				continue;
			}
			this.gates.answer(gateId, track, spec.code(), answer, null, by, "FORM",
					at.plus(Duration.ofMinutes(minute++)));
		}
	}

	private static BigDecimal passing(ItemSpec spec) {
		String known = PASSING.get(spec.code());
		if (known != null && spec.comparison().holds(new BigDecimal(known), spec.threshold())) {
			return new BigDecimal(known);
		}
		return switch (spec.comparison()) {
			case AT_LEAST, AT_MOST -> spec.threshold();
			case ABOVE -> spec.threshold().multiply(new BigDecimal("1.1")).setScale(2, RoundingMode.HALF_UP);
			case BELOW -> spec.threshold().multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP);
		};
	}

	private void sign(long gateId, Track track, Actor signer, Meaning meaning, String reason, Instant at) {
		Gate gate = this.gates.load(gateId);
		this.gates.sign(gate, track, signer, meaning, reason, gate.contentHash(track), at, Locale.ENGLISH);
	}

	private Actor actor(String username) {
		return Actor.of(this.people.findByUsername(username).orElseThrow());
	}

	private static Instant at(Instant today, int daysAgo, int hour, int minute) {
		return today.minus(Duration.ofDays(daysAgo)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
	}

	private void inTx(Runnable work) {
		this.transactions.executeWithoutResult((status) -> work.run());
	}

}
