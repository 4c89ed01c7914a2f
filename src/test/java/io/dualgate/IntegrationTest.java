package io.dualgate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A whole DualGate on real PostgreSQL (with the demo data), driven through MockMvc. All
 * tests with this annotation share one application context and one database. E-mail goes
 * to a real SMTP server in the test JVM ({@link TestSmtp}); webhooks may reach receivers
 * on loopback and retry within a second.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1",
		// webhook receivers are local (loopback), retries and the outbox are quick
		"dualgate.webhooks.allow-private-targets=true", "dualgate.webhooks.retry-base=PT0.2S",
		"dualgate.webhooks.retry-cap=PT0.4S", "dualgate.webhooks.dispatch-interval=PT0.2S",
		"dualgate.outbox.resubmit-interval=PT1S", "dualgate.outbox.resubmit-after=PT1S" })
@AutoConfigureMockMvc
@Import({ TestcontainersConfiguration.class, MailTestConfiguration.class })
public @interface IntegrationTest {

}
