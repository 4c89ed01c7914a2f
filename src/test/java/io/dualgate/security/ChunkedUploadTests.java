package io.dualgate.security;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.dualgate.browser.RunningServer;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.People;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TRUST 31, issue 10 defect 4: a body without a length (chunked) is counted as it is read
 * and refused at the limit with 413 problem details, over real HTTP; it is not read to
 * its end (the application reads one byte past the limit, the server at most its swallow
 * size more, then the connection closes).
 */
@RunningServer
class ChunkedUploadTests {

	private static final long SIXTY_MB = 60L * 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	People people;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.servlet.multipart.max-request-size}")
	DataSize limit;

	@Value("${server.tomcat.max-swallow-size}")
	DataSize swallow;

	@Test
	void aChunkedSixtyMegabyteUploadIsRefusedWith413WithoutBeingReadInFull() throws Exception {
		String bearer = "Bearer "
				+ this.tokens.create(this.people.findByUsername("explorer").orElseThrow().id(), "chunked");
		AtomicLong sent = new AtomicLong();
		// No length: java.net.http sends it chunked.
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/observations"))
			.header("Authorization", bearer)
			.header("Content-Type", "text/csv")
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new CsvRows(SIXTY_MB, sent)))
			.build();
		DistributionSummary refused = this.meters.summary("dualgate.request.body.refused");
		long refusedBefore = refused.count();
		double readBefore = refused.totalAmount();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.body()).contains("\"code\":\"api.tooLarge\"").hasSizeLessThan(2048);
		// The server read the body up to one byte past the limit, and not a byte more:
		// the rows were never parsed (no cell errors), nothing was imported.
		assertThat(refused.count()).isEqualTo(refusedBefore + 1);
		assertThat((long) (refused.totalAmount() - readBefore)).isEqualTo(this.limit.toBytes() + 1);
		assertThat(response.body()).doesNotContain("errors");
	}

	/**
	 * However long the body, the server stops: the application reads one byte past the
	 * limit, Tomcat discards at most its swallow size more so that the client reads the
	 * 413, then the connection closes; the rest of a 4 GB body is never read.
	 */
	@Test
	void anEndlessChunkedUploadIsCutOffAtTheLimit() throws Exception {
		String bearer = "Bearer "
				+ this.tokens.create(this.people.findByUsername("explorer").orElseThrow().id(), "endless");
		AtomicLong sent = new AtomicLong();
		long endless = 4L * 1024 * 1024 * 1024;
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/observations"))
			.header("Authorization", bearer)
			.header("Content-Type", "text/csv")
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new CsvRows(endless, sent)))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"code\":\"api.tooLarge\"");
		// What the client managed to hand over: what the server read, plus what the
		// sockets and the client's own buffers held (well under 64 MB here).
		assertThat(sent.get()).isLessThan(this.limit.toBytes() + this.swallow.toBytes() + 64L * 1024 * 1024);
	}

	/** {@code prototype,metric,date,value} rows up to a size, counting what was sent. */
	private static final class CsvRows extends InputStream {

		private static final byte[] HEADER = "prototype,metric,date,value\n".getBytes(StandardCharsets.US_ASCII);

		private static final byte[] ROW = "CONTRACT-RISK,nps,2025-01-01,12\n".getBytes(StandardCharsets.US_ASCII);

		private final long size;

		private final AtomicLong sent;

		private long position;

		CsvRows(long size, AtomicLong sent) {
			this.size = size;
			this.sent = sent;
		}

		@Override
		public int read() {
			if (this.position >= this.size) {
				return -1;
			}
			byte b = (this.position < HEADER.length) ? HEADER[(int) this.position]
					: ROW[(int) ((this.position - HEADER.length) % ROW.length)];
			this.position++;
			this.sent.incrementAndGet();
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.position >= this.size) {
				return -1;
			}
			int n = (int) Math.min(length, this.size - this.position);
			for (int i = 0; i < n; i++) {
				buffer[offset + i] = (byte) read();
			}
			return n;
		}

	}

}
