package org.potentia.workflow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * POSTs the record as JSON to the action's URL. The body is signed with the workflow's
 * secret, {@code X-Potentia-Signature: sha256=<hex HMAC-SHA256 of the body>}, so the
 * receiver can tell the call is genuine; {@code X-Potentia-Delivery} stays the same
 * across retries of one call, so it can also tell a repeat. Anything but a 2xx answer
 * within the timeout fails the attempt.
 */
@Component
class WebhookAction implements ActionHandler {

	static final String SIGNATURE = "X-Potentia-Signature";

	static final String DELIVERY = "X-Potentia-Delivery";

	private final ObjectMapper json;

	private final HttpClient http;

	private final WorkflowProperties properties;

	WebhookAction(ObjectMapper json, WorkflowProperties properties) {
		this.json = json;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.webhookTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public ActionType type() {
		return ActionType.WEBHOOK;
	}

	@Override
	public void run(ActionContext context) {
		Workflow workflow = context.workflow();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("workflow", Map.of("id", workflow.getId(), "name", workflow.getName()));
		payload.put("event", context.entry().recordCreated() ? "created" : "updated");
		payload.put("module", context.entry().module());
		payload.put("id", context.recordId());
		Map<String, Object> record = new LinkedHashMap<>();
		context.module()
			.fields()
			.forEach((field) -> record.put(field.name(), context.record().values().get(field.name())));
		payload.put("record", record);
		payload.put("sent_at", Instant.now().toString());
		byte[] body = this.json.writeValueAsBytes(payload);
		HttpRequest request = HttpRequest.newBuilder(URI.create(context.action().getUrl()))
			.timeout(this.properties.webhookTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Potentia-Workflows")
			.header(SIGNATURE, "sha256=" + sign(workflow.getWebhookSecret(), body))
			.header(DELIVERY, String.valueOf(context.entry().id()))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<Void> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The webhook could not be called: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("The webhook call was interrupted", ex);
		}
		if (response.statusCode() < 200 || response.statusCode() > 299) {
			throw new IllegalStateException("The webhook answered HTTP " + response.statusCode());
		}
	}

	/**
	 * The hex HMAC-SHA256 of a body under a secret.
	 */
	static String sign(String secret, byte[] body) {
		if (secret == null || secret.isEmpty()) {
			throw new IllegalStateException("The workflow has no webhook secret");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
