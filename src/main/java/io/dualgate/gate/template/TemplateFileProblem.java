package io.dualgate.gate.template;

/**
 * One problem in a template file: where it is (a JSON path such as
 * {@code $.items[2].code}) and what is wrong, in the reader's language.
 */
public record TemplateFileProblem(String path, String message) {

}
