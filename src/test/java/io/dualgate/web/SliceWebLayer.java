package io.dualgate.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The web module in a {@link io.dualgate.WebSliceTest}: the error advices and pages, the
 * filters and interceptors every request passes, the beans the layout calls
 * ({@code @navigation}, {@code @fmt}), and a clock standing still at {@link #NOW}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ ApiExceptionHandler.class, ApiProblems.class, DatabaseUnavailableFilter.class, ErrorPages.class,
		Formats.class, HomeController.class, LanguageSwitch.class, Navigation.class, NoHandlerErrors.class,
		PageExceptionHandler.class, RequestIdFilter.class, RequestSizeLimitFilter.class, SafeErrorAttributes.class,
		UnreadableFormGuard.class, WebConfiguration.class })
public class SliceWebLayer {

	/** The slices' now. */
	public static final Instant NOW = Instant.parse("2026-05-04T12:00:00Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

}
