package org.potentia.platform.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import org.potentia.platform.Messages;
import org.potentia.platform.StaticFiles;
import org.potentia.platform.api.ApiError;
import org.potentia.platform.api.JsonApi;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Filter chains: the stateless API (bearer tokens; HTTP Basic only to obtain a token; no
 * session, no CSRF), the public API documentation, the public web forms, and the browser
 * UI (form sign-in, session, CSRF protection, Content-Security-Policy and
 * Referrer-Policy).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SignInProperties.class)
class SecurityConfiguration {

	/**
	 * The pages' Content-Security-Policy: scripts only from Potentia itself (no inline
	 * script, no event handler attributes, no eval: htmx runs with
	 * {@code allowEval=false}), styles from itself plus style attributes, images also as
	 * data URLs (Bootstrap's icons), no plugins, no framing by other sites, forms posted
	 * only to Potentia.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * New passwords are hashed with PBKDF2 (HMAC-SHA256, Spring Security's 5.8
	 * parameters), which takes passphrases of any length; bcrypt, the earlier default,
	 * refuses more than 72 bytes. Hashes carry their algorithm's id, so bcrypt hashes
	 * stay valid and are re-hashed with PBKDF2 at the user's next sign-in.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		String pbkdf2 = "pbkdf2@SpringSecurity_v5_8";
		Map<String, PasswordEncoder> encoders = Map.of(pbkdf2, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder(pbkdf2, encoders);
	}

	@Bean
	@Order(1)
	SecurityFilterChain tokenIssuing(HttpSecurity http, ApiErrors errors, SignInThrottle throttle) throws Exception {
		http.securityMatcher((request) -> HttpMethod.POST.matches(request.getMethod())
				&& "/api/v1/tokens".equals(request.getRequestURI()))
			.addFilterBefore(SignInThrottleFilter.basic(throttle, errors), BasicAuthenticationFilter.class)
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(errors))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, ApiErrors errors, ApiTokenAuthenticator tokens) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, errors), BasicAuthenticationFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain documentation(HttpSecurity http) throws Exception {
		http.securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * The public web forms: no sign-in, no session, and no CSRF token, since they are
	 * posted from other websites; they guard themselves with a signed token, a honeypot
	 * and a rate limit. Framing is governed by the page's own Content-Security-Policy.
	 */
	@Bean
	@Order(4)
	SecurityFilterChain publicForms(HttpSecurity http) throws Exception {
		http.securityMatcher("/forms/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.frameOptions((frame) -> frame.disable()));
		return http.build();
	}

	/**
	 * The browser UI. An htmx request without a valid session (signed out or ended
	 * elsewhere) is answered 403 with {@code HX-Refresh}, so that htmx reloads the whole
	 * page, which then goes to the sign-in, instead of swapping the sign-in page into a
	 * fragment.
	 */
	@Bean
	@Order(10)
	SecurityFilterChain ui(HttpSecurity http, SignInThrottle throttle, SignedInUsers users) throws Exception {
		http.addFilterBefore(SignInThrottleFilter.form(throttle), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new SessionUserFilter(users), SecurityContextHolderFilter.class)
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers(StaticFiles.patterns())
				.permitAll()
				.requestMatchers("/login", "/error", "/actuator/health")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
						.addEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(),
								new RequestHeaderRequestMatcher("HX-Request"))
						.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
						.build()))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
		return http.build();
	}

	/**
	 * 401 and 403 of the API as JSON:API error documents.
	 */
	@org.springframework.stereotype.Component
	static class ApiErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

		private final ObjectMapper json;

		private final Messages messages;

		ApiErrors(ObjectMapper json, Messages messages) {
			this.json = json;
			this.messages = messages;
		}

		@Override
		public void commence(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.core.AuthenticationException ex) throws IOException {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"potentia\"");
			write(response, HttpStatus.UNAUTHORIZED, this.messages.get("error.unauthorized"));
		}

		@Override
		public void handle(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.access.AccessDeniedException ex) throws IOException {
			write(response, HttpStatus.FORBIDDEN, this.messages.get("error.forbidden"));
		}

		/**
		 * 429 for HTTP Basic while the user name is locked or the address has used up its
		 * budget (Retry-After is set by the caller).
		 */
		void tooManySignIns(HttpServletResponse response, long seconds) throws IOException {
			write(response, HttpStatus.TOO_MANY_REQUESTS, this.messages.get("error.signin.locked", seconds));
		}

		private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
			Map<String, Object> body = ApiError.of(status, detail).getBody();
			response.setStatus(status.value());
			response.setContentType(JsonApi.MEDIA_TYPE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getOutputStream(), body);
		}

	}

}
