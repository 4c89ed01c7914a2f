package io.dualgate.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.dualgate.shared.ProblemType;
import io.dualgate.shared.SecurityHeaders;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatusCode;

/**
 * Tomcat answers some requests itself, before any filter or servlet (a URL it cannot
 * decode, such as {@code GET /%}). This valve gives those answers the security headers
 * and a body in our own words: a problem detail under {@code /api/}, a short page
 * elsewhere. Nothing of the request is echoed.
 */
class SecureErrorReportValve extends ErrorReportValve {

	SecureErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		SecurityHeaders.applyMissing(response);
		String uri = request.getRequestURI();
		boolean api = uri != null && ErrorPages.machineReadable(uri);
		try {
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer == null) {
				return;
			}
			if (api) {
				response.setContentType("application/problem+json");
				writer.write("{\"type\":\"" + ProblemType.forStatus(HttpStatusCode.valueOf(status)).uri()
						+ "\",\"title\":\"" + title(status) + "\",\"status\":" + status
						+ ",\"detail\":\"The request could not be read: check the URL and its encoding.\"}");
			}
			else {
				response.setContentType("text/html");
				writer.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title(status)
						+ " · DualGate</title></head><body><h1>" + title(status) + "</h1>"
						+ "<p>The request could not be read: check the address and its encoding.</p>"
						+ "<p><a href=\"/\">Back to the portfolio</a></p></body></html>");
			}
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away or the answer was already under way: nothing to add.
		}
	}

	private static String title(int status) {
		return switch (status) {
			case 400 -> "Bad request";
			case 404 -> "Not found";
			case 408 -> "Request timeout";
			case 413 -> "Too large";
			case 414 -> "URI too long";
			case 505 -> "HTTP version not supported";
			default -> (status >= 500) ? "Server error" : "Request refused";
		};
	}

}
