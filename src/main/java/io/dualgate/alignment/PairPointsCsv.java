package io.dualgate.alignment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The paired weekly points of one pair as CSV (Commons CSV), streamed row by row.
 */
final class PairPointsCsv {

	private PairPointsCsv() {
	}

	static void write(AlignmentDashboard dashboard, PairDefinition pair, AlignmentFilter filter, Writer out)
			throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader("prototype", "business_week", "technical_week", pair.technicalLabel(), pair.businessLabel())
			.setRecordSeparator("\n")
			.get();
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			dashboard.eachPoint(pair, filter, (point) -> {
				try {
					printer.printRecord(point.prototypeKey(), point.week(), point.week().minusWeeks(filter.lagWeeks()),
							point.technical(), point.business());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			printer.flush();
		}
	}

	static String fileName(PairDefinition pair) {
		return "alignment-" + pair.technicalMetric() + "-vs-" + pair.businessMetric() + ".csv";
	}

}
