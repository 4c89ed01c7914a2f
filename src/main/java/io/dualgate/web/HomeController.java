package io.dualgate.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@org.springframework.security.access.prepost.PreAuthorize("isAuthenticated()")
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/prototypes";
	}

}
