package io.dualgate.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of daily observations for every demo prototype, generated so that business KPIs
 * follow technical ones with a lag and noise (task completion follows the benchmark score
 * two weeks later; NPS rises as RAG latency falls; the sales cycle shortens as compliance
 * documentation completes), so the alignment dashboard has something true to find. Loaded
 * through the CSV import (COPY) in well under a second. CLAIMS-TRIAGE's first-response
 * accuracy slides below 85% for its last ten days, so its kill criterion is met.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("dualgate.demo")
class MetricsDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MetricsDemoData.class);

	static final int DAYS = 365;

	private final Metrics metrics;

	private final KillCriteria killCriteria;

	private final Portfolio portfolio;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MetricsDemoData(Metrics metrics, KillCriteria killCriteria, Portfolio portfolio, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock) {
		this.metrics = metrics;
		this.killCriteria = killCriteria;
		this.portfolio = portfolio;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		this.transactions.executeWithoutResult((status) -> {
			if (this.jdbc.sql("select count(*) from kill_criterion").query(Long.class).single() > 0) {
				return;
			}
			List<PrototypeView> prototypes = this.portfolio.all();
			if (prototypes.isEmpty()) {
				return;
			}
			LocalDate today = LocalDate.now(this.clock);
			StringBuilder csv = new StringBuilder(2_000_000).append("prototype,metric,date,value\n");
			int index = 0;
			for (PrototypeView prototype : prototypes) {
				generate(prototype.key(), index++, today, csv);
			}
			this.metrics.importCsv(new ByteArrayResource(csv.toString().getBytes(StandardCharsets.UTF_8)),
					ObservationSource.DEMO, null);
			for (PrototypeView prototype : prototypes) {
				if ("CLAIMS-TRIAGE".equals(prototype.key())) {
					this.killCriteria.state(prototype.key(), "first_response_accuracy_pct", "<", new BigDecimal("85"),
							7, true, null);
				}
				else {
					this.killCriteria.state(prototype.key(), "availability_pct", "<", new BigDecimal("99.5"), 7, true,
							null);
				}
			}
			this.killCriteria.evaluateAll();
		});
		log.info("Metrics demo data ready in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * One prototype's year. Technical metrics improve along an S-curve with noise;
	 * business ones are functions of lagged technical ones plus noise.
	 */
	static void generate(String key, int index, LocalDate today, StringBuilder csv) {
		Random random = new Random(7919L * (index + 1));
		double benchStart = 62 + 3 * index;
		double benchEnd = 80 + 1.5 * index;
		double latencyStart = 1100 - 40 * index;
		double latencyEnd = 260 + 25 * index;
		double complianceStart = 15 + 5 * index;
		double complianceEnd = 70 + 4 * index;
		double[] bench = new double[DAYS];
		double[] latency = new double[DAYS];
		double[] compliance = new double[DAYS];
		double[] completion = new double[DAYS];
		double[] nps = new double[DAYS];
		for (int d = 0; d < DAYS; d++) {
			double progress = 1 / (1 + Math.exp(-(d - 150.0 - 10 * index) / 40.0));
			bench[d] = benchStart + (benchEnd - benchStart) * progress + random.nextGaussian() * 0.8;
			latency[d] = latencyStart + (latencyEnd - latencyStart) * progress + random.nextGaussian() * 8;
			compliance[d] = Math.min(100, complianceStart + (complianceEnd - complianceStart) * Math.min(1, d / 300.0)
					+ random.nextGaussian() * 1.5);
			double availability = 99.5 + 0.47 * progress + random.nextGaussian() * 0.01;
			if ("CONTRACT-RISK".equals(key) && d >= DAYS - 30) {
				availability = 99.96 + random.nextDouble() * 0.03; // passes the gate's >=
																	// 99.95
			}
			double hallucination = 12 - 9.5 * progress + random.nextGaussian() * 0.4;
			if ("CONTRACT-RISK".equals(key) && d >= DAYS - 30) {
				// The open demo gate's technical track is signed: its evidence passes.
				latency[d] = 255 + random.nextDouble() * 30;
				hallucination = 0.25 + random.nextDouble() * 0.2;
			}
			double accuracy = 70 + 23 * progress + random.nextGaussian() * 0.7;
			if ("CLAIMS-TRIAGE".equals(key) && d >= DAYS - 10) {
				// Slides from 84.5 to 80 with no sign of recovery: the kill criterion is
				// met.
				accuracy = 84.5 - 0.5 * (d - (DAYS - 10)) + random.nextGaussian() * 0.05;
			}
			completion[d] = 28 + 0.78 * bench[Math.max(0, d - 14)] + random.nextGaussian() * 1.2;
			// NPS answers latency within about a week: the dashboard's "latency reduction
			// vs NPS gain".
			nps[d] = 62 - 0.075 * latency[Math.max(0, d - 3)] + random.nextGaussian() * 1;
			double retention = 30 + 0.35 * completion[Math.max(0, d - 30)] + random.nextGaussian() * 1.0;
			double renewal = 55 + 0.45 * nps[Math.max(0, d - 30)] + random.nextGaussian() * 1.5;
			double ltvCac = 0.9 + 0.06 * (completion[d] - 70) + random.nextGaussian() * 0.08;
			double salesCycle = 170 - 1.2 * compliance[Math.max(0, d - 21)] + random.nextGaussian() * 4;
			LocalDate date = today.minusDays(DAYS - 1 - d);
			row(csv, key, "benchmark_score", date, clamp(bench[d], 0, 100));
			row(csv, key, "rag_latency_p95_ms", date, Math.max(50, latency[d]));
			row(csv, key, "availability_pct", date, clamp(availability, 0, 100));
			row(csv, key, "hallucination_rate_pct", date, clamp(hallucination, 0, 100));
			row(csv, key, "first_response_accuracy_pct", date, clamp(accuracy, 0, 100));
			row(csv, key, "compliance_doc_completeness_pct", date, clamp(compliance[d], 0, 100));
			row(csv, key, "task_completion_rate_pct", date, clamp(completion[d], 0, 100));
			row(csv, key, "nps", date, clamp(nps[d], -100, 100));
			row(csv, key, "retention_30d_pct", date, clamp(retention, 0, 100));
			row(csv, key, "renewal_rate_pct", date, clamp(renewal, 0, 100));
			row(csv, key, "ltv_cac", date, Math.max(0.1, ltvCac));
			row(csv, key, "sales_cycle_days", date, Math.max(5, salesCycle));
		}
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	private static void row(StringBuilder csv, String key, String metric, LocalDate date, double value) {
		int scale = metric.equals("availability_pct") ? 3 : 2;
		csv.append(key)
			.append(',')
			.append(metric)
			.append(',')
			.append(date)
			.append(',')
			.append(BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString())
			.append('\n');
	}

}
