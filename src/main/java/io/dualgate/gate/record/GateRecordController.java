package io.dualgate.gate.record;

import java.util.Map;

import io.dualgate.audit.AuditTrail;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.Track;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The complete, printable record of a gate: items, answers, versions, signatures with
 * their validity and the gate's audit history, as a page and as a PDF.
 */
@Controller
class GateRecordController {

	private final Gates gates;

	private final AuditTrail auditTrail;

	private final GateRecordPdf pdf;

	GateRecordController(Gates gates, AuditTrail auditTrail, GateRecordPdf pdf) {
		this.gates = gates;
		this.auditTrail = auditTrail;
		this.pdf = pdf;
	}

	@GetMapping("/gates/{id}/record")
	@PreAuthorize("isAuthenticated()")
	String record(@PathVariable long id, Model model) {
		model.addAllAttributes(recordModel(id));
		return "gate/record";
	}

	@GetMapping("/gates/{id}/record.pdf")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<byte[]> recordPdf(@PathVariable long id) {
		// In the reader's language: the PDF embeds a font with Chinese glyphs.
		byte[] body = this.pdf.render(recordModel(id), LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"gate-" + id + "-record.pdf\"")
			.body(body);
	}

	private Map<String, Object> recordModel(long id) {
		GateView gate = this.gates.get(id);
		return Map.of("gate", gate, "tracks", Track.values(), "audit",
				this.auditTrail.forEntity("gate", String.valueOf(id)));
	}

}
