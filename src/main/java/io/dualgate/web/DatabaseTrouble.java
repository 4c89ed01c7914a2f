package io.dualgate.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that is away (restarting, failing over, out of connections) from a
 * request that is wrong: the first is worth a 503 and a retry, never a 500.
 */
final class DatabaseTrouble {

	/** Seconds a client should wait before retrying. */
	static final String RETRY_AFTER_SECONDS = "5";

	static final String MESSAGE_CODE = "error.503.text";

	private DatabaseTrouble() {
	}

	static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ConcurrencyFailureException) {
				// Stale edits and lock conflicts have their own 409 answers.
				return false;
			}
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				// 08xxx connection exceptions, 57P0x server shutting down / restarting.
				return true;
			}
			if (cause instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
				// The pool's proxy after the server dropped the connection (e.g. rolling
				// back).
				return true;
			}
		}
		return false;
	}

}
