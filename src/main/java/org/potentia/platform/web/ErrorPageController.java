package org.potentia.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.potentia.platform.DatabaseFailures;
import org.potentia.platform.Messages;
import org.potentia.platform.api.ApiError;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The last resort for errors no controller handled (unknown paths, failures in filters):
 * a JSON:API error document under {@code /api/}, an error page elsewhere.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final Messages messages;

	private final DatabaseFailures databaseFailures;

	ErrorPageController(Messages messages, DatabaseFailures databaseFailures) {
		this.messages = messages;
		this.databaseFailures = databaseFailures;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = status(request);
		String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable ex
				&& DatabaseFailures.isUnavailable(ex)) {
			// A filter (such as sign-in) found the database unavailable.
			this.databaseFailures.report("request " + path, ex);
			status = HttpStatus.SERVICE_UNAVAILABLE;
			response.setStatus(status.value());
		}
		String key = switch (status) {
			case NOT_FOUND -> "error.page_notfound";
			case FORBIDDEN -> "error.forbidden";
			case UNAUTHORIZED -> "error.unauthorized";
			case METHOD_NOT_ALLOWED -> "error.method";
			case CONTENT_TOO_LARGE -> "error.too_large";
			case UNSUPPORTED_MEDIA_TYPE -> "error.media_type";
			case SERVICE_UNAVAILABLE -> "error.database_unavailable";
			default -> status.is4xxClientError() ? "error.bad_request" : "error.unexpected";
		};
		if (request.getAttribute(UnreadableRequestFilter.ERROR_MESSAGE_KEY) instanceof String refused) {
			key = refused;
		}
		if (path.startsWith("/api/")) {
			// API clients ask for resources, not pages.
			String apiKey = (status == HttpStatus.NOT_FOUND) ? "error.notfound" : key;
			ResponseEntity<Map<String, Object>> body = ApiError.of(status, this.messages.get(apiKey));
			return body;
		}
		model.addAttribute("status", status.value());
		model.addAttribute("message", this.messages.get(key));
		return "error";
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
