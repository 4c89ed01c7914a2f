package io.dualgate.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A form bound to a record cannot be built when a value is not of its type at all (a
 * number where a select offers names: only a tampered request sends that); the binder
 * then leaves the form {@code null}, and redisplaying it would fail. Such a request gets
 * the 400 page instead ("the request could not be read").
 */
@Configuration(proxyBeanMethods = false)
class UnreadableFormGuard implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || modelAndView.getViewName() == null
				|| modelAndView.getViewName().startsWith("redirect:")) {
			return;
		}
		for (Object value : modelAndView.getModel().values()) {
			if (value instanceof BindingResult result && result.getTarget() == null && result.hasErrors()) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
			}
		}
	}

}
