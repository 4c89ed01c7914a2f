package io.dualgate.frameworks;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.dualgate.gate.CoveredItem;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NotFoundException;
import io.dualgate.web.PdfDocuments;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A prototype's coverage of the applicable frameworks (page, CSV, PDF), the decisions
 * that a control does not apply, and the crosswalk of the templates in force.
 */
@Controller
class CoverageController {

	private final Coverage coverage;

	private final Crosswalk crosswalk;

	private final Frameworks frameworks;

	private final Portfolio portfolio;

	private final PdfDocuments pdf;

	private final MessageSource messages;

	CoverageController(Coverage coverage, Crosswalk crosswalk, Frameworks frameworks, Portfolio portfolio,
			PdfDocuments pdf, MessageSource messages) {
		this.coverage = coverage;
		this.crosswalk = crosswalk;
		this.frameworks = frameworks;
		this.portfolio = portfolio;
		this.pdf = pdf;
		this.messages = messages;
	}

	@GetMapping("/prototypes/{key}/coverage")
	@PreAuthorize("isAuthenticated()")
	String page(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		model.addAttribute("report", this.coverage.report(key));
		model.addAttribute("canDecide", this.portfolio.get(key).changeableBy(me));
		model.addAttribute("statuses", CoverageStatus.values());
		return "frameworks/coverage";
	}

	@GetMapping("/prototypes/{key}/coverage.pdf")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<byte[]> pdf(@PathVariable String key) {
		CoverageReport report = this.coverage.report(key);
		byte[] body = this.pdf.render("frameworks/coverage-pdf",
				Map.of("report", report, "statuses", CoverageStatus.values()), LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(report.prototypeKey() + "-coverage.pdf").build().toString())
			.body(body);
	}

	@GetMapping("/prototypes/{key}/coverage.csv")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<byte[]> csv(@PathVariable String key) {
		Locale locale = LocaleContextHolder.getLocale();
		CoverageReport report = this.coverage.report(key);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.RFC4180.builder()
					.setHeader(text("coverage.csv.framework", locale), text("coverage.csv.clause", locale),
							text("coverage.csv.control", locale), text("coverage.csv.applicable", locale),
							text("coverage.csv.justification", locale), text("coverage.csv.status", locale),
							text("coverage.csv.items", locale))
					.get())) {
			for (CoverageReport.Section section : report.frameworks()) {
				for (CoverageReport.Row row : section.rows()) {
					csv.printRecord(section.framework().key(), row.control().clause(), row.control().title(locale),
							row.applicable() ? text("coverage.csv.yes", locale) : text("coverage.csv.no", locale),
							(row.justification() != null) ? row.justification() : "",
							text("coverage.status." + row.status(), locale), items(row.items(), locale));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// A byte order mark, so that spreadsheets read the Chinese text as UTF-8.
		byte[] body = ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(report.prototypeKey() + "-coverage.csv")
						.build()
						.toString())
			.body(body);
	}

	/**
	 * Records whether a control applies to the prototype; a control that does not needs a
	 * justification. The prototype's own PMs and admins decide.
	 */
	@PostMapping("/prototypes/{key}/coverage/applicability")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	String decide(@PathVariable String key, @RequestParam(name = "controlId", required = false) Long controlId,
			@RequestParam(name = "applicable", required = false) Boolean applicable,
			@RequestParam(name = "justification", required = false) String justification,
			@AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		// Whose prototype first: a stranger learns nothing from the form's checks.
		this.coverage.requireMayDecide(key, me);
		if (controlId == null) {
			throw new NotFoundException("framework.control.notFound", "-");
		}
		ControlView control = this.frameworks.control(controlId);
		try {
			this.coverage.decide(key, controlId, !Boolean.FALSE.equals(applicable), justification, me);
			redirect.addFlashAttribute("success", !Boolean.FALSE.equals(applicable) ? "coverage.applicability.applies"
					: "coverage.applicability.doesNotApply");
			redirect.addFlashAttribute("successArg", control.clause());
		}
		catch (InvalidFieldException ex) {
			redirect.addFlashAttribute("error", ex.messageCode());
			redirect.addFlashAttribute("errorArg", Coverage.MAX_JUSTIFICATION);
		}
		return "redirect:/prototypes/" + key + "/coverage#control-" + controlId;
	}

	@GetMapping("/frameworks/crosswalk")
	@PreAuthorize("isAuthenticated()")
	String crosswalk(Model model) {
		List<Crosswalk.Row> rows = this.crosswalk.rows();
		model.addAttribute("rows", rows);
		model.addAttribute("frameworks", this.frameworks.frameworks());
		model.addAttribute("multi", rows.stream().filter((row) -> row.frameworkCount() > 1).count());
		return "frameworks/crosswalk";
	}

	private String items(List<CoveredItem> items, Locale locale) {
		return items.stream()
			.map((item) -> "#" + item.gateId() + " " + item.code() + " (" + item.label(locale) + "): "
					+ text("gate.verdict." + item.verdict(), locale)
					+ (item.evidenceExpired() ? " " + text("coverage.expired", locale) : ""))
			.collect(Collectors.joining("; "));
	}

	private String text(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

}
