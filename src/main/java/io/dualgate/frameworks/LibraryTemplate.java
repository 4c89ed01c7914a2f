package io.dualgate.frameworks;

import java.util.List;
import java.util.Set;

import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.portfolio.Stage;

/**
 * A starter checklist of the library: one track of one transition, every item in English
 * and Chinese and citing the controls it helps to meet.
 *
 * @param key the file's name without {@code .json}, e.g. {@code prototype-poc-technical}
 * @param frameworks the keys of the frameworks its items cite
 */
public record LibraryTemplate(String key, Stage fromStage, Stage toStage, Track track, String title,
		List<ItemSpec> items, Set<String> frameworks) {

}
