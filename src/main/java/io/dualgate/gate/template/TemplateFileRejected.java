package io.dualgate.gate.template;

import java.util.List;

/**
 * A template file refused as a whole: nothing of it was saved. Carries every problem
 * found, each with its JSON path.
 */
public class TemplateFileRejected extends RuntimeException {

	private final transient List<TemplateFileProblem> problems;

	TemplateFileRejected(List<TemplateFileProblem> problems) {
		super("template file refused: " + problems.size() + " problem(s)");
		this.problems = List.copyOf(problems);
	}

	public List<TemplateFileProblem> problems() {
		return this.problems;
	}

}
