package io.dualgate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.dualgate.gate.GateFixtures;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A whole DualGate on real PostgreSQL (with the demo data), listening on a random
 * loopback port (real Tomcat, for browsers, cookies and proxies' headers) and driven
 * through MockMvc where a test needs no real HTTP. Every full-stack test class carries
 * exactly this annotation and nothing that changes the context (no further
 * {@code @Import}, properties or profiles), so that all of them share one application
 * context, one database and one demo data load. E-mail goes to a real SMTP server in the
 * test JVM ({@link TestSmtp}); webhooks may reach receivers on loopback and retry within
 * a second; {@link GateFixtures} makes each test's own people and prototypes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.mail.host=127.0.0.1",
		// webhook receivers are local (loopback), retries and the outbox are quick
		"dualgate.webhooks.allow-private-targets=true", "dualgate.webhooks.retry-base=PT0.2S",
		"dualgate.webhooks.retry-cap=PT0.4S", "dualgate.webhooks.dispatch-interval=PT0.2S",
		"dualgate.outbox.resubmit-interval=PT1S", "dualgate.outbox.resubmit-after=PT1S" })
@AutoConfigureMockMvc
@Import({ TestcontainersConfiguration.class, MailTestConfiguration.class, GateFixtures.class })
public @interface IntegrationTest {

}
