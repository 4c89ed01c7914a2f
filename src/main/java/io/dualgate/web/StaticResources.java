package io.dualgate.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Static files: our own under {@code /css}, {@code /js} and {@code /img}, the WebJars
 * under {@code /webjars} (version-less links, resolved to the jar's version and cached).
 * One handler per folder instead of Spring Boot's default {@code /**}
 * ({@code spring.web.resources.add-mappings=false}): with the WebJars locator present,
 * every link a page renders is looked up as a static file, and a link the lookup does not
 * find is looked up again on every page, in every class path location inside the jar
 * (under load that was a third of a page's CPU, bench/sign-load.sh with JFR). Links to
 * pages now match no handler and cost nothing; links to static files are found once and
 * cached.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	static final List<String> FOLDERS = List.of("css", "js", "img");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.resourceChain(true);
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true);
	}

}
