package io.dualgate.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.dualgate.shared.InvalidFieldException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The audit trail page: filters, 50 events a page with the total count, each row opening
 * to its payload and hashes; the verification of the whole chain; the JSON Lines export
 * of what the filters select.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class AuditController {

	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final AuditTrail trail;

	private final AuditExport export;

	private final AuditProperties properties;

	private final Clock clock;

	private final MessageSource messages;

	AuditController(AuditTrail trail, AuditExport export, AuditProperties properties, Clock clock,
			MessageSource messages) {
		this.trail = trail;
		this.export = export;
		this.properties = properties;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/admin/audit")
	String list(@ModelAttribute("query") AuditQuery query, Model model, Locale locale) {
		AuditFilter filter;
		try {
			filter = query.toFilter();
		}
		catch (InvalidFieldException ex) {
			model.addAttribute("invalidField", ex.field());
			model.addAttribute("invalidMessage", this.messages.getMessage(ex.messageCode(), ex.arguments(), locale));
			filter = null;
		}
		if (filter != null) {
			AuditTrail.AuditPage page = this.trail.page(filter, query.pageNumber(), PAGE_SIZE);
			model.addAttribute("page", page);
			model.addAttribute("exportUrl", "/admin/audit/export" + query.queryString(null));
			model.addAttribute("previousUrl", "/admin/audit" + query.queryString(page.number() - 1));
			model.addAttribute("nextUrl", "/admin/audit" + query.queryString(page.number() + 1));
		}
		model.addAttribute("query", query.shown());
		model.addAttribute("actions", this.trail.actions());
		model.addAttribute("entityTypes", this.trail.entityTypes());
		model.addAttribute("retention", retention(locale));
		model.addAttribute("oldest", this.trail.oldest().orElse(null));
		model.addAttribute("keptUntil",
				this.trail.oldest()
					.map((oldest) -> LocalDate.ofInstant(oldest, ZoneOffset.UTC).plus(this.properties.retention()))
					.orElse(null));
		return "audit/list";
	}

	private String retention(Locale locale) {
		int years = this.properties.retention().getYears();
		int months = this.properties.retention().getMonths();
		String code = (years > 0 && months > 0) ? "audit.period.yearsMonths"
				: (years > 0) ? "audit.period.years" : "audit.period.months";
		Object[] arguments = (years > 0 && months > 0) ? new Object[] { years, months }
				: new Object[] { (years > 0) ? years : months };
		return this.messages.getMessage(code, arguments, locale);
	}

	@GetMapping("/admin/audit/verify")
	String verify(@ModelAttribute("query") AuditQuery query, Model model, Locale locale) {
		model.addAttribute("verification", this.trail.verify());
		return list(query, model, locale);
	}

	/**
	 * The events the page's filters select as JSON Lines, streamed as they are read. A
	 * bad filter shows the page again with the message next to the field.
	 */
	@GetMapping("/admin/audit/export")
	String export(@ModelAttribute("query") AuditQuery query, Model model, Locale locale, HttpServletResponse response)
			throws IOException {
		AuditFilter filter;
		try {
			filter = query.toFilter();
		}
		catch (InvalidFieldException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return list(query, model, locale);
		}
		stream(filter, response, this.export, this.clock);
		return null;
	}

	static void stream(AuditFilter filter, HttpServletResponse response, AuditExport export, Clock clock)
			throws IOException {
		response.setContentType(AuditExport.MEDIA_TYPE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"dualgate-audit-" + FILE_TIME.format(clock.instant()) + ".jsonl\"");
		export.write(filter, response.getOutputStream());
	}

}
