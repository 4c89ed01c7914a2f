package io.dualgate.gate.checklist;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference from a checklist item to a control of a framework: the framework's key and
 * the clause id as the framework numbers it ({@code ISO42001} {@code A.6.2.4},
 * {@code EUAIACT} {@code Art. 15}, {@code NISTAIRMF} {@code MEASURE 2.5}). Only ids are
 * kept, never a standard's text.
 *
 * @param framework the framework's key: upper-case letters and digits
 * @param clause the clause id within it
 */
public record FrameworkRef(String framework, String clause) implements Comparable<FrameworkRef> {

	private static final Pattern FRAMEWORK = Pattern.compile("^[A-Z][A-Z0-9]{1,15}$");

	private static final Pattern CLAUSE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 .()-]{0,23}$");

	private static final Pattern STORED = Pattern.compile("^([A-Z][A-Z0-9]{1,15}):(.+)$");

	public FrameworkRef {
		if (framework == null || !FRAMEWORK.matcher(framework).matches()) {
			throw new IllegalArgumentException("framework key: " + framework);
		}
		if (clause == null || !CLAUSE.matcher(clause).matches()) {
			throw new IllegalArgumentException("clause id: " + clause);
		}
	}

	/** Whether the two parts have a valid shape (known or not). */
	public static boolean wellFormed(String framework, String clause) {
		return framework != null && clause != null && FRAMEWORK.matcher(framework).matches()
				&& CLAUSE.matcher(clause).matches();
	}

	/** The stored form, {@code ISO42001:A.6.2.4}. */
	public String key() {
		return this.framework + ":" + this.clause;
	}

	/** Reads the stored form; empty when it has no valid shape. */
	public static Optional<FrameworkRef> parse(String stored) {
		if (stored == null) {
			return Optional.empty();
		}
		Matcher matcher = STORED.matcher(stored.strip());
		if (!matcher.matches() || !wellFormed(matcher.group(1), matcher.group(2).strip())) {
			return Optional.empty();
		}
		return Optional.of(new FrameworkRef(matcher.group(1), matcher.group(2).strip()));
	}

	@Override
	public int compareTo(FrameworkRef other) {
		int byFramework = this.framework.compareTo(other.framework);
		return (byFramework != 0) ? byFramework : this.clause.compareTo(other.clause);
	}

	@Override
	public String toString() {
		return key();
	}

}
