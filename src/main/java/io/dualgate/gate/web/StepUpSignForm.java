package io.dualgate.gate.web;

import io.dualgate.gate.Meaning;
import io.dualgate.gate.SignCommand;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The sign form of a person signed in through the OpenID provider: like {@link SignForm}
 * without a password, which the re-authentication at the provider replaces.
 */
record StepUpSignForm(@NotNull Meaning meaning, @Size(max = 1000) String reason,
		@NotBlank @Size(max = 64) String shownHash, @NotNull Long version,
		@AssertTrue boolean confirmed) implements java.io.Serializable {

	SignCommand toCommand() {
		return new SignCommand(this.meaning, this.reason, this.shownHash, this.version, null, this.confirmed);
	}

	SignForm asSignForm() {
		return new SignForm(this.meaning, this.reason, this.shownHash, this.version, null, this.confirmed);
	}

}
