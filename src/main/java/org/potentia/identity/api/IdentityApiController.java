package org.potentia.identity.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.query.BadQueryException;
import org.potentia.platform.api.JsonApi;
import org.potentia.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The current user, and API tokens made with HTTP Basic credentials.
 */
@RestController
@JsonApi
@Tag(name = "users")
@RequestMapping(path = "/api/v1", produces = { JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
class IdentityApiController {

	private final IdentityService identity;

	private final ObjectMapper json;

	IdentityApiController(IdentityService identity, ObjectMapper json) {
		this.identity = identity;
		this.json = json;
	}

	@GetMapping("/user")
	@Operation(operationId = "getCurrentUser", summary = "The signed-in user",
			description = "Answers the user the token belongs to: id, name, email, is_admin, first_name, last_name.")
	@ApiResponse(responseCode = "200", description = "The user",
			content = @Content(mediaType = JsonApi.MEDIA_TYPE, schema = @Schema(ref = "CurrentUserDocument")))
	@ApiResponse(responseCode = "404", description = "The user no longer exists")
	Map<String, Object> currentUser(CurrentUser current) {
		User user = this.identity.findUser(current.id())
			.orElseThrow(() -> new NotFoundException("users", current.id()));
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("name", user.getDisplayName());
		attributes.put("username", user.getUsername());
		attributes.put("email", user.getEmail());
		attributes.put("first_name", user.getFirstName());
		attributes.put("last_name", user.getLastName());
		attributes.put("is_admin", current.isAdmin());
		attributes.put("role", user.getRole().name().toLowerCase());
		attributes.put("team_id", user.getTeamId());
		attributes.put("locale", user.getLocale());
		return Map.of("data", Map.of("id", String.valueOf(user.getId()), "type", "users", "attributes", attributes));
	}

	@PostMapping("/tokens")
	@Operation(operationId = "createToken", summary = "Make an API token",
			description = "Authenticate with HTTP Basic (user name and password). Body: "
					+ "{\"data\":{\"type\":\"tokens\",\"attributes\":{\"name\":\"ERP sync\"}}}. "
					+ "The token is in the answer once and never again; send it as 'Authorization: Bearer <token>'. "
					+ "After repeated failed sign-ins the user name or address must wait: 429 with Retry-After.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(mediaType = JsonApi.MEDIA_TYPE, schema = @Schema(ref = "TokenRequest"))))
	@ApiResponse(responseCode = "201", description = "The new token",
			content = @Content(mediaType = JsonApi.MEDIA_TYPE, schema = @Schema(ref = "TokenDocument")))
	@ApiResponse(responseCode = "400", description = "Malformed JSON")
	@ApiResponse(responseCode = "429", description = "Too many failed sign-ins; wait as Retry-After says")
	ResponseEntity<Map<String, Object>> createToken(CurrentUser current, @RequestBody(required = false) String body) {
		String name = "API";
		if (body != null && !body.isBlank()) {
			try {
				JsonNode node = this.json.readTree(body).path("data").path("attributes").path("name");
				if (!node.isMissingNode() && !node.isNull()) {
					name = node.asString();
				}
			}
			catch (JacksonException ex) {
				throw new BadQueryException("error.query.body_json");
			}
		}
		IdentityService.IssuedToken token = this.identity.issueToken(current, name);
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("name", token.name());
		attributes.put("token", token.token());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", "tokens");
		data.put("id", String.valueOf(token.id()));
		data.put("attributes", attributes);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("data", data));
	}

}
