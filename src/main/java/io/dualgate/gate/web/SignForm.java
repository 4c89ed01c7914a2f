package io.dualgate.gate.web;

import io.dualgate.gate.Meaning;
import io.dualgate.gate.SignCommand;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The sign form. The hash and version are those of the page the signer saw; signer, time
 * and meaning text are never taken from it.
 */
record SignForm(@NotNull Meaning meaning, @Size(max = SignCommand.MAX_REASON) String reason, @NotBlank String shownHash,
		@NotNull Long version, @NotBlank @Size(max = 128) String password, @AssertTrue boolean confirmed) {

	static SignForm blank(String hash, long version) {
		return new SignForm(Meaning.APPROVE, null, hash, version, null, false);
	}

	SignCommand toCommand() {
		return new SignCommand(this.meaning, this.reason, this.shownHash, this.version, this.password, this.confirmed);
	}

}
