package io.dualgate.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a Thymeleaf template to PDF in the reader's language. The PDF renderer's
 * built-in fonts have no Chinese glyphs, so every document embeds Noto Sans SC (SIL Open
 * Font License, shipped in {@code fonts/}), as a subset of the glyphs it uses: a record
 * stays small. Templates name the family {@value #CJK_FAMILY} in their CSS after the
 * built-in sans-serif, which keeps Latin text in Helvetica and takes every other
 * character from the embedded font.
 */
@Component
public class PdfDocuments {

	/** The family name templates use for text that may be Chinese. */
	public static final String CJK_FAMILY = "Noto Sans SC";

	private static final String FONT = "fonts/NotoSansSC-Regular.ttf";

	private final ITemplateEngine templates;

	private final ApplicationContext applicationContext;

	/** Read once: parsing it from memory is quicker than from the jar every time. */
	private volatile byte[] font;

	PdfDocuments(ITemplateEngine templates, ApplicationContext applicationContext) {
		this.templates = templates;
		this.applicationContext = applicationContext;
	}

	/**
	 * The PDF of a template (well-formed XHTML) rendered with the model in the locale.
	 */
	public byte[] render(String template, Map<String, Object> model, Locale locale) {
		Context context = new Context(locale, model);
		// Lets the template use beans such as @fmt outside a web request.
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.applicationContext, null));
		String html = this.templates.process(template, context);
		byte[] fontBytes = font();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			// The one face serves normal and bold text (Chinese has no synthetic bold).
			for (int weight : new int[] { 400, 700 }) {
				builder.useFont(() -> new ByteArrayInputStream(fontBytes), CJK_FAMILY, weight, FontStyle.NORMAL, true);
			}
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] font() {
		byte[] loaded = this.font;
		if (loaded == null) {
			try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
				loaded = CjkFontCmap.preferUnifiedIdeographs(in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("the PDF font " + FONT + " is missing from the classpath", ex);
			}
			this.font = loaded;
		}
		return loaded;
	}

}
