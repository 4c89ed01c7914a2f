package io.dualgate.gate.template;

import java.util.List;

import io.dualgate.shared.ProblemException;
import io.dualgate.shared.ProblemType;

/**
 * A template file refused as a whole: nothing of it was saved. Carries every problem
 * found, each with its JSON path; the API lists them as {@code errors} ({@code field} is
 * the path).
 */
public class TemplateFileRejected extends ProblemException {

	private final transient List<TemplateFileProblem> problems;

	TemplateFileRejected(List<TemplateFileProblem> problems) {
		super(ProblemType.INVALID_INPUT, "template.file.rejected", problems.size());
		this.problems = List.copyOf(problems);
	}

	public List<TemplateFileProblem> problems() {
		return this.problems;
	}

	@Override
	public List<Item> items() {
		// The messages are worded already (the schema validator's in the reader's
		// language, ours from the bundles): passed through as they are.
		return this.problems.stream()
			.map((problem) -> new Item(null, null, problem.path(), "template.file.problem", problem.message()))
			.toList();
	}

}
