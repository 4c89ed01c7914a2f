package io.dualgate.people;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@org.springframework.security.access.prepost.PreAuthorize("permitAll()")
class LoginController {

	@GetMapping("/login")
	String login() {
		return "people/login";
	}

}
