package org.potentia.webform.web;

import org.potentia.platform.DatabaseFailures;

import org.potentia.webform.RateLimiter;
import org.potentia.webform.WebFormProperties;
import org.potentia.webform.WebFormService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * Puts the web forms' guard in front of everything else for {@code /forms/*}, Spring
 * Security included, so that a refused request costs as little as possible.
 */
@Configuration(proxyBeanMethods = false)
class WebFormWebConfiguration {

	@Bean
	FilterRegistrationBean<WebFormGuard> webFormGuard(WebFormService forms, RateLimiter rateLimiter,
			WebFormProperties properties, MessageSource messages, LocaleResolver locales, ObjectMapper json,
			DatabaseFailures databaseFailures) {
		FilterRegistrationBean<WebFormGuard> registration = new FilterRegistrationBean<>(
				new WebFormGuard(forms, rateLimiter, properties, messages, locales, json, databaseFailures));
		registration.addUrlPatterns("/forms/*");
		registration.setOrder(-200);
		return registration;
	}

}
