package io.dualgate.metrics;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A prototype's observations for people signed in to the browser: CSV for a spreadsheet
 * (exactly the columns the upload takes, so a corrected file goes straight back in) and
 * JSON for programs, with source and who recorded each value (what {@code GET
 * /api/v1/prototypes/{key}/observations} returns to a token).
 */
@Controller
class ObservationDownloadController {

	private final Metrics metrics;

	ObservationDownloadController(Metrics metrics) {
		this.metrics = metrics;
	}

	@GetMapping(path = "/prototypes/{key}/observations.csv")
	@PreAuthorize("isAuthenticated()")
	void csv(@PathVariable String key, HttpServletResponse response) throws IOException {
		List<Metrics.ObservationView> observations = this.metrics.observations(key, null, null, null);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"" + key.replaceAll("[^A-Za-z0-9_-]", "_") + "-observations.csv\"");
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader("prototype", "metric", "date", "value")
			.setRecordSeparator("\n")
			.get();
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			for (Metrics.ObservationView o : observations) {
				printer.printRecord(o.prototype(), o.metric(), o.date(), o.value().toPlainString());
			}
		}
	}

	@GetMapping(path = "/prototypes/{key}/observations.json", produces = "application/json")
	@PreAuthorize("isAuthenticated()")
	@ResponseBody
	List<Metrics.ObservationView> json(@PathVariable String key) {
		return this.metrics.observations(key, null, null, null);
	}

}
