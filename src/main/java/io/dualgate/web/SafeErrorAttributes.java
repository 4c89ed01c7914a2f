package io.dualgate.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What error pages and error JSON may show: status, path and time. Never the exception,
 * its message (which may carry SQL) or a trace, whatever the properties say. The reason
 * phrase ({@code error}) is dropped as well: the layout reads {@code error} as a flash
 * message code.
 */
@Component
class SafeErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
		attributes.keySet().retainAll(java.util.Set.of("timestamp", "status", "path"));
		return attributes;
	}

}
