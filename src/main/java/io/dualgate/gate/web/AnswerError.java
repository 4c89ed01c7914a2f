package io.dualgate.gate.web;

import java.io.Serializable;

import io.dualgate.gate.Track;

/**
 * A refused answer, carried over the redirect to the gate page and shown next to the
 * field of the item it belongs to (a flash attribute, hence serializable).
 *
 * @param track the item's track
 * @param code the item's code
 * @param field the refused field ({@code value}, {@code evidenceUrl}, ...), or
 * {@code null} when the answer as a whole is refused
 * @param message what is wrong, in the reader's language
 */
record AnswerError(Track track, String code, String field, String message) implements Serializable {

	/** Whether this error belongs to the given item (and field, when one is given). */
	public boolean is(Track track, String code, String field) {
		return this.track == track && this.code.equals(code) && (field == null || field.equals(this.field));
	}

}
