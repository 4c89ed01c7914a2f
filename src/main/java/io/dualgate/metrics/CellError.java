package io.dualgate.metrics;

/**
 * One bad cell of an import: the line (CSV, 1 = header) or index (JSON array, from 0),
 * the field and what is wrong, as a message code with arguments so that pages and the API
 * word it in their own language.
 */
public record CellError(long line, String field, String code, Object... arguments) {
}
