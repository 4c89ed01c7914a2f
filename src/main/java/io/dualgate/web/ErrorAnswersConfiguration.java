package io.dualgate.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat's own error answers go through {@link SecureErrorReportValve} instead of the
 * stock valve (which Spring Boot configures without the report, but also without our
 * headers).
 */
@Configuration(proxyBeanMethods = false)
class ErrorAnswersConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> secureErrorReportValve() {
		return new OrderedCustomizer();
	}

	static class OrderedCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				Container parent = context.getParent();
				for (Valve valve : parent.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						parent.getPipeline().removeValve(valve);
					}
				}
				if (parent instanceof StandardHost host) {
					host.setErrorReportValveClass(SecureErrorReportValve.class.getName());
				}
				parent.getPipeline().addValve(new SecureErrorReportValve());
			});
		}

		@Override
		public int getOrder() {
			// After Spring Boot's customizer, which adds the stock valve.
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
