package org.potentia.webform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.potentia.platform.DatabaseFailures;
import org.potentia.platform.Messages;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.webform.WebForm;
import org.potentia.webform.WebFormIntake;
import org.potentia.webform.WebFormService;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The public side of the web forms, without sign-in: the form page, a token for forms
 * that live on another website, and the posts, as a form (answered with a page) or as
 * JSON (answered with JSON).
 */
@Controller
@RequestMapping("/forms/{key}")
class PublicFormController {

	private static final Logger logger = LoggerFactory.getLogger(PublicFormController.class);

	private final WebFormService forms;

	private final WebFormIntake intake;

	private final Messages messages;

	private final ObjectMapper json;

	private final PublicFormPages pages;

	private final DatabaseFailures databaseFailures;

	PublicFormController(WebFormService forms, WebFormIntake intake, Messages messages, ObjectMapper json,
			Catalogue catalogue, DatabaseFailures databaseFailures) {
		this.pages = new PublicFormPages(intake, messages, catalogue);
		this.databaseFailures = databaseFailures;
		this.forms = forms;
		this.intake = intake;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping
	String page(@PathVariable String key, @RequestParam(defaultValue = "false") boolean embed, Model model,
			HttpServletResponse response) {
		WebForm form = published(key, response);
		if (form == null) {
			return "webforms/missing";
		}
		return this.pages.form(form, embed, Map.of(), Map.of(), null, model, response);
	}

	@GetMapping(path = "/token", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> token(@PathVariable String key) {
		return this.forms.published(key)
			.map((form) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.body(Map.of("token", this.intake.token(form))))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("status", "missing", "message", this.messages.get("webform.missing"))));
	}

	@PostMapping(consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	String post(@PathVariable String key, @RequestParam MultiValueMap<String, String> parameters,
			@RequestParam(defaultValue = "false") boolean embed, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		WebForm form = published(key, response);
		if (form == null) {
			return "webforms/missing";
		}
		Map<String, String> values = new LinkedHashMap<>();
		parameters.forEach((name, list) -> values.put(name, String.join(", ", list)));
		values.remove("embed");
		WebFormIntake.Result result = this.intake.submit(form, values, request.getRemoteAddr());
		if (result.isInvalid()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			values.remove(WebFormIntake.TOKEN);
			return this.pages.form(form, embed, values, result.errors(), result.message(), model, response);
		}
		if (form.getRedirectUrl() != null) {
			return "redirect:" + form.getRedirectUrl();
		}
		return this.pages.thanks(form, embed, model);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> postJson(@PathVariable String key, @RequestBody String body,
			HttpServletRequest request) {
		WebForm form = this.forms.published(key).orElse(null);
		if (form == null) {
			return answer(HttpStatus.NOT_FOUND, "missing", this.messages.get("webform.missing"), null);
		}
		Map<String, String> values = new LinkedHashMap<>();
		try {
			JsonNode document = this.json.readTree(body);
			if (document == null || !document.isObject()) {
				return answer(HttpStatus.BAD_REQUEST, "invalid", this.messages.get("webform.error.json"), null);
			}
			for (Map.Entry<String, JsonNode> entry : document.properties()) {
				JsonNode value = entry.getValue();
				if (!value.isNull() && !value.isValueNode()) {
					return answer(HttpStatus.BAD_REQUEST, "invalid", this.messages.get("webform.error.json"), null);
				}
				if (!value.isNull()) {
					values.put(entry.getKey(), value.asString());
				}
			}
		}
		catch (JacksonException ex) {
			return answer(HttpStatus.BAD_REQUEST, "invalid", this.messages.get("webform.error.json"), null);
		}
		WebFormIntake.Result result = this.intake.submit(form, values, request.getRemoteAddr());
		if (result.isInvalid()) {
			return answer(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", result.message(), result.errors());
		}
		Map<String, Object> accepted = new LinkedHashMap<>();
		accepted.put("status", "accepted");
		accepted.put("message", this.pages.thankYou(form));
		if (form.getRedirectUrl() != null) {
			accepted.put("redirect", form.getRedirectUrl());
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(accepted);
	}

	/**
	 * A failed database call: a database that failed answers 503, a refusing constraint
	 * 409, anything else 500; a JSON request (a post or the token) with JSON, never with
	 * a page, and a visitor's browser with the error page.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	Object databaseFailed(RuntimeException ex, @PathVariable String key, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		HttpStatus status;
		String code;
		String message;
		if (DatabaseFailures.isUnavailable(ex)) {
			this.databaseFailures.report("web form " + key, ex);
			status = HttpStatus.SERVICE_UNAVAILABLE;
			code = "unavailable";
			message = this.messages.get("error.database_unavailable");
		}
		else if (ex instanceof DataIntegrityViolationException) {
			logger.info("Web form {}: refused by a database constraint: {}", key,
					((DataIntegrityViolationException) ex).getMostSpecificCause().getMessage());
			status = HttpStatus.CONFLICT;
			code = "refused";
			message = this.messages.get("error.conflict.integrity");
		}
		else {
			logger.error("Web form {}: a database call failed", key, ex);
			status = HttpStatus.INTERNAL_SERVER_ERROR;
			code = "failed";
			message = this.messages.get("error.unexpected");
		}
		if (wantsJson(request)) {
			return answer(status, code, message, null);
		}
		response.setStatus(status.value());
		model.addAttribute("currentPath", request.getRequestURI());
		model.addAttribute("status", status.value());
		model.addAttribute("message", message);
		return "error";
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String contentType = request.getContentType();
		String accept = request.getHeader("Accept");
		return (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
				|| request.getRequestURI().endsWith("/token")
				|| (accept != null && accept.startsWith(MediaType.APPLICATION_JSON_VALUE));
	}

	private WebForm published(String key, HttpServletResponse response) {
		WebForm form = this.forms.published(key).orElse(null);
		if (form == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		return form;
	}

	private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String code, String message,
			Map<String, String> errors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", code);
		body.put("message", message);
		if (errors != null) {
			body.put("errors", errors);
		}
		return ResponseEntity.status(status).body(body);
	}

}
