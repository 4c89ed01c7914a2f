package io.dualgate.people;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a person signed in through the provider lands when its claim maps to no role:
 * signed in, able to see nothing else, told to ask an admin.
 */
@Controller
class NoRoleController {

	@GetMapping("/access/none")
	@PreAuthorize("isAuthenticated()")
	String noRole() {
		return "people/no-role";
	}

}
