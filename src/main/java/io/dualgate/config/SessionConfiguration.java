package io.dualgate.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL. Two requests of one session (two tabs, htmx next to a page
 * load) may add the same attribute at once; the default INSERT then fails one of them
 * with a duplicate key (a 500, found by bench/load.sh). PostgreSQL's upsert makes that
 * write idempotent.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributeUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
