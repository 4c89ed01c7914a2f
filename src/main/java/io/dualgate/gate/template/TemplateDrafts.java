package io.dualgate.gate.template;

import java.util.Optional;

/**
 * Where the template editor may start from a file instead of a saved version: the
 * frameworks module's library offers its starter templates here, so that an admin can
 * copy one and edit it before saving it as the next version.
 */
public interface TemplateDrafts {

	/** The template file with this key, if this source has one. */
	Optional<String> draft(String key);

}
