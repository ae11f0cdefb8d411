package org.potentia.platform.web;

import java.util.List;

import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.DatabaseFailures;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.session.web.http.SessionRepositoryFilter;
import tools.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Locale resolution, the {@code ?lang=} switch of the sign-in page and the public web
 * forms, {@link CurrentUser} as a controller method parameter, and links to static files
 * with their content's hash.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		return new UserLocaleResolver();
	}

	/**
	 * Keeps out the {@link ResourceUrlEncodingFilter} that Spring Boot registers because
	 * the resource chain is on. It passes every link a page writes through the static
	 * resource resolvers, and for a link that is no static file (a record's link) they
	 * search the classpath on every request and remember nothing: about a millisecond per
	 * link, two thirds of the time of a board of 200 cards. {@link StaticLinkFilter} does
	 * its work for the static folders' links only.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<StaticLinkFilter> staticLinkFilter(ResourceUrlProvider urls) {
		return new FilterRegistrationBean<>(new StaticLinkFilter(urls));
	}

	/**
	 * Around the session filter, so that a database that cannot keep sessions is answered
	 * 503 like every other path.
	 */
	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(DatabaseFailures failures,
			MessageSource messages, ObjectMapper json) {
		FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
				new DatabaseUnavailableFilter(failures, messages, json));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor).addPathPatterns("/login", "/forms/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return CurrentUser.class.equals(parameter.getParameterType());
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
					NativeWebRequest request, WebDataBinderFactory binderFactory) {
				return CurrentUser.get();
			}

		});
	}

}
