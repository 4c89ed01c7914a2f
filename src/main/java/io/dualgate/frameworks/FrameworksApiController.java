package io.dualgate.frameworks;

import java.util.List;

import io.dualgate.people.AuthenticatedUser;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework catalogue as JSON, and the organisation's choice of applicable frameworks
 * (administrators).
 */
@RestController
@RequestMapping("/api/v1/frameworks")
class FrameworksApiController {

	private final Frameworks frameworks;

	FrameworksApiController(Frameworks frameworks) {
		this.frameworks = frameworks;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<FrameworkView> list() {
		return this.frameworks.frameworks();
	}

	@GetMapping("/{key}/controls")
	@PreAuthorize("isAuthenticated()")
	List<ControlView> controls(@PathVariable String key) {
		this.frameworks.framework(key);
		return this.frameworks.controls(key);
	}

	/**
	 * Sets which frameworks apply to the organisation: the keys listed, no others.
	 */
	@PutMapping("/applicable")
	@PreAuthorize("hasRole('ADMIN')")
	List<FrameworkView> choose(@RequestBody @Size(max = 20) List<String> keys,
			@AuthenticationPrincipal AuthenticatedUser me) {
		this.frameworks.choose(keys, me.id());
		return this.frameworks.frameworks();
	}

}
