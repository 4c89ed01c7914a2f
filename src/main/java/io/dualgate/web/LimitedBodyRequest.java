package io.dualgate.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.dualgate.shared.BoundedInputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body is counted as it is read and refused one byte past the limit
 * ({@link BoundedInputStream.TooLarge}): for bodies whose size nobody announced (chunked
 * transfer encoding).
 */
class LimitedBodyRequest extends HttpServletRequestWrapper {

	private final long limit;

	private BoundedInputStream counted;

	private ServletInputStream stream;

	private BufferedReader reader;

	LimitedBodyRequest(HttpServletRequest request, long limit) {
		super(request);
		this.limit = limit;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.stream == null) {
			ServletInputStream original = super.getInputStream();
			this.counted = new BoundedInputStream(original, this.limit);
			this.stream = new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return LimitedBodyRequest.this.counted.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return LimitedBodyRequest.this.counted.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return original.isFinished();
				}

				@Override
				public boolean isReady() {
					return original.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					original.setReadListener(listener);
				}

			};
		}
		return this.stream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (this.reader == null) {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}
		return this.reader;
	}

	/** Whether the body went past the limit while someone read it. */
	boolean exceeded() {
		return this.counted != null && this.counted.exceeded();
	}

	/** Bytes of the body read so far. */
	long bytesRead() {
		return (this.counted != null) ? this.counted.count() : 0;
	}

}
