package io.dualgate.security;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint DualGate's own controllers declare, read from Spring MVC at runtime, so
 * that endpoints added later by any module are covered without anyone listing them here.
 *
 * @param method the HTTP method
 * @param pattern the path pattern, e.g. {@code /prototypes/{key}/edit}
 * @param handler the controller method
 */
record Endpoint(RequestMethod method, String pattern, HandlerMethod handler) {

	/** The error dispatch (ours or Boot's) is not an endpoint anyone calls. */
	static List<Endpoint> all(RequestMappingHandlerMapping mapping) {
		return mapping.getHandlerMethods()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().getBeanType().getName().startsWith("io.dualgate."))
			.filter((entry) -> !ErrorController.class.isAssignableFrom(entry.getValue().getBeanType()))
			.flatMap((entry) -> of(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(Endpoint::key))
			.toList();
	}

	private static Stream<Endpoint> of(RequestMappingInfo info, HandlerMethod handler) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		Set<RequestMethod> effective = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
		return info.getPatternValues()
			.stream()
			.flatMap((pattern) -> effective.stream().map((method) -> new Endpoint(method, pattern, handler)));
	}

	/** How the access matrix names it: {@code "POST /prototypes/{key}/edit"}. */
	String key() {
		return this.method + " " + this.pattern;
	}

	boolean changesState() {
		return this.method != RequestMethod.GET && this.method != RequestMethod.HEAD
				&& this.method != RequestMethod.OPTIONS;
	}

	boolean isApi() {
		return this.pattern.startsWith("/api/");
	}

}
