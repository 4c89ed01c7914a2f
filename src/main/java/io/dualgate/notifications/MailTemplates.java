package io.dualgate.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders e-mails from Thymeleaf templates in {@code templates/mail/}: a plain-text part
 * ({@code .txt}, text mode) and an HTML part ({@code .html}), both in the reader's
 * language from the same message bundles as the pages.
 */
@Component
class MailTemplates {

	private final TemplateEngine engine;

	MailTemplates(MessageSource messages) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
		engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
		engine.setTemplateEngineMessageSource(messages);
		this.engine = engine;
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setResolvablePatterns(Set.of("*" + suffix));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/** The two parts of one e-mail. */
	record Rendered(String text, String html) {
	}

	Rendered render(String template, Locale locale, Map<String, Object> variables) {
		Context context = new Context(locale, variables);
		return new Rendered(this.engine.process(template + ".txt", context),
				this.engine.process(template + ".html", context));
	}

	/** One line of a mail: what happened and where to look. */
	record Line(String text, String link) {
	}

	static Map<String, Object> variables(String subject, String greetingName, List<Line> lines) {
		return Map.of("subject", subject, "name", greetingName, "lines", lines);
	}

}
