package io.dualgate.portfolio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a PM types to register or describe a prototype. The key is only used on
 * registration; the version guards against overwriting someone else's edit. Stage, ids
 * and timestamps are never bound from the request.
 */
record PrototypeForm(
		@NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9-]{1,31}$", message = "{prototype.key.pattern}") String key,
		@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 4000) String problemStatement,
		@NotBlank @Size(max = 80) String vertical, @NotNull Long explorationPmId, @NotNull Long deliveryPmId,
		Long version) {

	static PrototypeForm empty(Long explorationPmId, Long deliveryPmId) {
		return new PrototypeForm("", "", "", "", explorationPmId, deliveryPmId, null);
	}

	static PrototypeForm of(PrototypeView prototype) {
		return new PrototypeForm(prototype.key(), prototype.name(), prototype.problemStatement(), prototype.vertical(),
				prototype.explorationPmId(), prototype.deliveryPmId(), prototype.version());
	}

}
