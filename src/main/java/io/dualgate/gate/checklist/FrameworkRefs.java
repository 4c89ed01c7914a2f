package io.dualgate.gate.checklist;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reading references back from their stored form, in a stable order.
 */
public final class FrameworkRefs {

	private FrameworkRefs() {
	}

	/** The references of the stored keys; a key of no valid shape is skipped. */
	public static List<FrameworkRef> read(Collection<String> stored) {
		if (stored == null) {
			return List.of();
		}
		return stored.stream().map(FrameworkRef::parse).flatMap(Optional::stream).distinct().sorted().toList();
	}

}
