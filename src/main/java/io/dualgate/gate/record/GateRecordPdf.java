package io.dualgate.gate.record;

import java.util.Locale;
import java.util.Map;

import io.dualgate.web.PdfDocuments;

import org.springframework.stereotype.Component;

/**
 * Renders the printable gate record (the same Thymeleaf fragment as the page) to PDF, in
 * the reader's language, Chinese included.
 */
@Component
class GateRecordPdf {

	private final PdfDocuments pdf;

	GateRecordPdf(PdfDocuments pdf) {
		this.pdf = pdf;
	}

	byte[] render(Map<String, Object> model, Locale locale) {
		return this.pdf.render("gate/record-pdf", model, locale);
	}

}
