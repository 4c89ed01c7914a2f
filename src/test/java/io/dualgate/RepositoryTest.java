package io.dualgate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.context.annotation.Import;

/**
 * A {@code @DataJpaTest} of repositories, queries and the database's own rules on a real,
 * empty PostgreSQL: Testcontainers where Docker is available, otherwise the embedded
 * PostgreSQL the application itself starts (its auto-configuration is added to the JDBC
 * slices in {@code META-INF/spring/...AutoConfigureJdbc.imports}). Flyway builds the
 * schema; there is no demo data, so each test inserts what it reads, and each test's
 * transaction is rolled back at its end. Every repository test class carries exactly this
 * annotation, so that all of them share one context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import(TestcontainersConfiguration.class)
public @interface RepositoryTest {

}
