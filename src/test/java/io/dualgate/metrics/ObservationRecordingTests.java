package io.dualgate.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import io.dualgate.IntegrationTest;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
@RecordApplicationEvents
class ObservationRecordingTests {

	@Autowired
	Metrics metrics;

	@Autowired
	MetricReadings readings;

	@Autowired
	Portfolio portfolio;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEvents events;

	@Test
	void recordingTheSameDayAgainReplacesTheValueAndPublishesEachTime() {
		PrototypeView prototype = this.portfolio.get("SALES-COACH");
		String tomorrowOfLatest = LocalDate.now(this.clock).toString();
		long before = this.metrics.count(prototype.id());
		this.metrics.record("SALES-COACH", "availability_pct", tomorrowOfLatest, "99.90", ObservationSource.FORM, null);
		this.metrics.record("SALES-COACH", "availability_pct", tomorrowOfLatest, "99.97", ObservationSource.FORM, null);

		assertThat(this.metrics.count(prototype.id())).isLessThanOrEqualTo(before + 1);
		MetricReading latest = this.readings.latest(prototype.id(), "availability_pct").orElseThrow();
		assertThat(latest.value()).isEqualByComparingTo("99.97");
		assertThat(latest.date()).isEqualTo(LocalDate.now(this.clock));
		assertThat(latest.source()).isEqualTo("FORM");
		assertThat(this.events.stream(ObservationRecorded.class)
			.filter((e) -> e.prototypeId() == prototype.id() && e.metricKey().equals("availability_pct"))
			.map(ObservationRecorded::value)).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("99.90"), new BigDecimal("99.97"));
	}

	@Test
	void bulkImportPublishesOneEventPerSeriesWithTheLatestValue() {
		PrototypeView prototype = this.portfolio.get("SALES-COACH");
		String csv = "prototype,metric,date,value\n" + "SALES-COACH,ltv_cac,2023-01-01,1.5\n"
				+ "SALES-COACH,ltv_cac,2023-01-03,2.5\n" + "SALES-COACH,ltv_cac,2023-01-02,2.0\n"
				+ "SALES-COACH,nps,2023-01-01,20\n";
		long accepted = this.metrics.importCsv(new org.springframework.core.io.ByteArrayResource(csv.getBytes()),
				ObservationSource.CSV, null);
		assertThat(accepted).isEqualTo(4);
		assertThat(this.events.stream(ObservationRecorded.class).filter((e) -> e.prototypeId() == prototype.id()))
			.extracting(ObservationRecorded::metricKey, ObservationRecorded::date)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ltv_cac", LocalDate.of(2023, 1, 3)),
					org.assertj.core.groups.Tuple.tuple("nps", LocalDate.of(2023, 1, 1)));
	}

	@Test
	void aRefusedObservationStoresNothingAndPublishesNothing() {
		assertThatExceptionOfType(ObservationsRejected.class)
			.isThrownBy(() -> this.metrics.record("SALES-COACH", "availability_pct", "2025-13-01", "abc",
					ObservationSource.FORM, null))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(CellError::field).containsExactly("date", "value"));
		assertThat(this.events.stream(ObservationRecorded.class)).isEmpty();
	}

}
