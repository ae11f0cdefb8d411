package org.potentia.reporting.odata;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.potentia.platform.Messages;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The feed's answers that Olingo does not write: 401 and 403 from the security chain, and
 * 405 for writes, as OData error documents ({@code {"error":{"code":…,"message":…}}}). A
 * 401 challenges for HTTP Basic (the API token as the password), which Excel and Power BI
 * ask the user for, and for a bearer token.
 */
@Component
class FeedErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ObjectMapper json;

	private final Messages messages;

	FeedErrors(ObjectMapper json, Messages messages) {
		this.json = json;
		this.messages = messages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.addHeader("WWW-Authenticate", "Basic realm=\"Potentia OData\", charset=\"UTF-8\"");
		response.addHeader("WWW-Authenticate", "Bearer realm=\"potentia\"");
		write(response, HttpServletResponse.SC_UNAUTHORIZED, this.messages.get("error.odata.unauthorized"));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, HttpServletResponse.SC_FORBIDDEN, this.messages.get("error.forbidden"));
	}

	void write(HttpServletResponse response, int status, String message) throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", String.valueOf(status));
		error.put("message", message);
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("OData-Version", "4.0");
		this.json.writeValue(response.getOutputStream(), Map.of("error", error));
	}

}
