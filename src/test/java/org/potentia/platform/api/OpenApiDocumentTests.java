package org.potentia.platform.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import org.potentia.testing.Api;
import org.potentia.testing.Api.Response;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document as a client generator reads it: valid for a real parser,
 * every operation named once, every 4xx answer an error document, every module's bodies
 * described attribute by attribute, and equal to the snapshot in
 * {@code src/test/resources/openapi.json} from which the build generates the client that
 * {@link GeneratedClientTests} uses.
 */
@PotentiaTest
class OpenApiDocumentTests {

	/** The snapshot the generated client is built from. */
	static final Path SNAPSHOT = Path.of("src/test/resources/openapi.json");

	@Autowired
	Api api;

	@Autowired
	ObjectMapper json;

	@Test
	void theDocumentPassesTheValidatorWithoutAMessage() {
		SwaggerParseResult result = parse();

		assertThat(result.getMessages()).as("validator messages").isEmpty();
		assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/v1/accounts", "/api/v1/tokens");
	}

	@Test
	void everyOperationHasItsOwnIdAndErrorDocuments() {
		OpenAPI document = parse().getOpenAPI();
		Set<String> ids = new HashSet<>();
		List<String> problems = new ArrayList<>();
		document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			String where = method + " " + path;
			if (operation.getOperationId() == null || !ids.add(operation.getOperationId())) {
				problems.add(where + ": missing or repeated operationId " + operation.getOperationId());
			}
			operation.getResponses().forEach((status, response) -> {
				if (status.startsWith("4") && !refersTo(response.getContent(), "#/components/schemas/Errors")) {
					problems.add(where + ": " + status + " is not an error document");
				}
				if (status.startsWith("2") && response.getContent() != null && !refersToSchema(response.getContent())) {
					problems.add(where + ": " + status + " has no schema of its own");
				}
			});
			if (operation.getRequestBody() != null && !refersToSchema(operation.getRequestBody().getContent())) {
				problems.add(where + ": request body has no schema of its own");
			}
			if (operation.getParameters() != null) {
				operation.getParameters()
					.stream()
					.filter((parameter) -> Set.of("current", "user").contains(parameter.getName())
							|| (parameter.getSchema() != null && parameter.getSchema().get$ref() != null))
					.forEach((parameter) -> problems.add(where + ": parameter " + parameter.getName()));
			}
		}));
		assertThat(problems).isEmpty();
		assertThat(document.getComponents().getSchemas()).doesNotContainKey("CurrentUser");
		assertThat(ids).contains("listAccounts", "createAccounts", "createToken");
	}

	@Test
	void tokensTakeHttpBasicAndTheRestABearerToken() {
		OpenAPI document = parse().getOpenAPI();

		assertThat(document.getComponents().getSecuritySchemes().get("basic").getScheme()).isEqualTo("basic");
		assertThat(document.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
		Operation token = document.getPaths().get("/api/v1/tokens").getPost();
		assertThat(token.getSecurity()).singleElement().satisfies((item) -> assertThat(item).containsOnlyKeys("basic"));
		assertThat(document.getSecurity()).singleElement()
			.satisfies((item) -> assertThat(item).containsOnlyKeys("bearer"));
	}

	@Test
	void everyModulesAttributesAreDescribed() {
		OpenAPI document = parse().getOpenAPI();
		PathItem accounts = document.getPaths().get("/api/v1/accounts");

		assertThat(accounts.getPost().getRequestBody().getContent().get(JsonApi.MEDIA_TYPE).getSchema().get$ref())
			.isEqualTo("#/components/schemas/AccountsCreateDocument");
		io.swagger.v3.oas.models.media.Schema<?> attributes = document.getComponents()
			.getSchemas()
			.get("AccountsAttributes");
		assertThat(attributes.getProperties()).containsKeys("name", "city", "owner_id", "account_type");
		assertThat(((io.swagger.v3.oas.models.media.Schema<?>) attributes.getProperties().get("name")).getMaxLength())
			.isEqualTo(200);
		assertThat(document.getComponents().getSchemas().get("AccountsNewAttributes").getRequired()).contains("name");
	}

	@Test
	void theSnapshotIsTheServedDocument() throws IOException {
		JsonNode served = comparable(
				this.api.anonymous().header("Accept", "application/json").get("/v3/api-docs").body());
		String pretty = this.json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/openapi-served.json"), pretty, StandardCharsets.UTF_8);
		if (Boolean.getBoolean("openapi.snapshot.update")) {
			Files.writeString(SNAPSHOT, pretty, StandardCharsets.UTF_8);
		}
		JsonNode snapshot = this.json.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));

		assertThat(served)
			.as("the served document differs from %s; if the change is meant, rerun this test with "
					+ "-Dopenapi.snapshot.update=true and commit the snapshot (target/openapi-served.json is the "
					+ "served one)", SNAPSHOT)
			.isEqualTo(snapshot);
	}

	/** The served document without its servers, which name the random port. */
	private JsonNode comparable(String body) {
		ObjectNode document = (ObjectNode) this.json.readTree(body);
		document.remove("servers");
		return document;
	}

	private SwaggerParseResult parse() {
		Response served = this.api.anonymous().header("Accept", "application/json").get("/v3/api-docs");
		assertThat(served.status()).isEqualTo(200);
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setValidateInternalRefs(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(served.body(), null, options);
		assertThat(result.getOpenAPI()).as("parsed: %s", result.getMessages()).isNotNull();
		return result;
	}

	private static boolean refersTo(io.swagger.v3.oas.models.media.Content content, String ref) {
		return content != null && !content.isEmpty()
				&& content.values()
					.stream()
					.allMatch((media) -> media.getSchema() != null && ref.equals(media.getSchema().get$ref()));
	}

	private static boolean refersToSchema(io.swagger.v3.oas.models.media.Content content) {
		return content != null && !content.isEmpty()
				&& content.values()
					.stream()
					.allMatch((media) -> media.getSchema() != null && media.getSchema().get$ref() != null);
	}

}
