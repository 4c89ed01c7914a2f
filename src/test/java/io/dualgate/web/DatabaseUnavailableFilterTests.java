package io.dualgate.web;

import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database that is away answers 503 with Retry-After, never a 500 with internals.
 */
class DatabaseUnavailableFilterTests {

	private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(messages(),
			new FixedLocaleResolver(Locale.ENGLISH));

	@Test
	void apiCallsGetAProblemDetailWhenNoConnectionCanBeHad() throws Exception {
		MockHttpServletResponse response = run("/api/v1/gates",
				new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
						new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001")));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503")
			.contains("briefly unavailable")
			.doesNotContain("Hikari")
			.doesNotContain("JDBC");
	}

	@Test
	void pagesGetAShortPageWhenTheSessionCannotBeLoaded() throws Exception {
		MockHttpServletResponse response = run("/gates/1",
				new ServletException(new CannotCreateTransactionException("Could not open JPA EntityManager")));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("Temporarily unavailable").doesNotContain("JPA");
	}

	@Test
	void otherFailuresAreNotItsBusiness() {
		assertThatThrownBy(() -> run("/gates/1", new OptimisticLockingFailureException("stale")))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThatThrownBy(() -> run("/gates/1", new IllegalStateException("bug")))
			.isInstanceOf(IllegalStateException.class);
	}

	private MockHttpServletResponse run(String path, Exception failure) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, (req, res) -> {
			if (failure instanceof ServletException servlet) {
				throw servlet;
			}
			throw (RuntimeException) failure;
		});
		return response;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		return messages;
	}

}
