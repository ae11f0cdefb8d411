package org.potentia.reporting.odata;

import org.potentia.platform.security.ApiTokenAuthenticator;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The OData feed's servlet under {@code /odata/*} and its security: stateless, API tokens
 * only (bearer, or as the HTTP Basic password), no session, no CSRF (nothing is written),
 * errors as OData error documents.
 */
@Configuration(proxyBeanMethods = false)
class ODataConfiguration {

	static final String PATH = "/odata";

	@Bean
	ServletRegistrationBean<ODataServlet> odataServlet(ODataFeed feed, FeedErrors errors) {
		ServletRegistrationBean<ODataServlet> registration = new ServletRegistrationBean<>(
				new ODataServlet(feed, errors), PATH + "/*");
		registration.setName("odata");
		return registration;
	}

	@Bean
	@Order(5)
	SecurityFilterChain odataFeed(HttpSecurity http, ApiTokenAuthenticator tokens, FeedErrors errors) throws Exception {
		http.securityMatcher((request) -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.equals(PATH) || path.startsWith(PATH + "/");
		})
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.addFilterBefore(new FeedTokenFilter(tokens, errors), BasicAuthenticationFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors));
		return http.build();
	}

}
