package io.dualgate.learning.feedback;

/**
 * One bad cell of a feedback batch: the line (CSV, 1 = header) or index (JSON array, from
 * 0), the field and what is wrong, as a message code with arguments.
 */
public record FeedbackError(long line, String field, String code, Object... arguments) {
}
