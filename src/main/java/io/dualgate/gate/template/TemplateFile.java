package io.dualgate.gate.template;

import java.util.List;

import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.portfolio.Stage;

/**
 * A template read from a file: the transition and track it is for, its title and items.
 *
 * @param changeNote the file's change note, or null
 */
public record TemplateFile(Stage fromStage, Track track, String title, String changeNote, List<ItemSpec> items) {

}
