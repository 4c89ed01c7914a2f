package io.dualgate;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) in the test JVM on a free loopback port, shared by the
 * integration tests' application context. It can be stopped and started again on the same
 * port, to test an SMTP outage.
 */
public final class TestSmtp {

	private static final int PORT = freePort();

	private static GreenMail server = start();

	private TestSmtp() {
	}

	public static int port() {
		return PORT;
	}

	public static synchronized GreenMail server() {
		return server;
	}

	public static synchronized void stop() {
		server.stop();
	}

	/** Starts a fresh server on the same port (the received mails start empty). */
	public static synchronized GreenMail restart() {
		server.stop();
		server = start();
		return server;
	}

	private static GreenMail start() {
		GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
