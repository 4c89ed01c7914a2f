package io.dualgate.shared;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of a body as they are read and stops at a limit: reading past
 * {@code limit} bytes throws {@link TooLarge} at once, whatever the body announced (a
 * chunked body announces nothing). Nothing is read ahead beyond what the caller asks for.
 */
public class BoundedInputStream extends FilterInputStream {

	private final long limit;

	private long count;

	private boolean exceeded;

	public BoundedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.exceeded) {
			throw new TooLarge(this.limit);
		}
		// Never ask for more than one byte past the limit.
		int asked = (int) Math.min(length, Math.max(1, this.limit - this.count + 1));
		int n = super.read(buffer, offset, asked);
		if (n > 0) {
			counted(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(Math.min(n, Math.max(1, this.limit - this.count + 1)));
		counted(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void counted(long n) throws TooLarge {
		this.count += n;
		if (this.count > this.limit) {
			this.exceeded = true;
			throw new TooLarge(this.limit);
		}
	}

	/** The bytes read so far (at most one more than the limit). */
	public long count() {
		return this.count;
	}

	/** Whether a read went past the limit. */
	public boolean exceeded() {
		return this.exceeded;
	}

	public long limit() {
		return this.limit;
	}

	/** A body longer than its limit: answered with 413. */
	public static class TooLarge extends IOException {

		private final long limit;

		public TooLarge(long limit) {
			super("The body is larger than " + limit + " bytes");
			this.limit = limit;
		}

		public long limit() {
			return this.limit;
		}

		/** The refusal somewhere in a chain of causes, if there is one. */
		public static TooLarge in(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof TooLarge tooLarge) {
					return tooLarge;
				}
			}
			return null;
		}

	}

}
