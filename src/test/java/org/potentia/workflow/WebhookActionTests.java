package org.potentia.workflow;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.opportunity.OpportunityService;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks against a receiver started by the test on the loopback interface: the record
 * arrives as JSON signed with the workflow's secret, and a receiver that keeps failing
 * gets the call again after each back-off until the action is logged as failed.
 */
@PotentiaTest
class WebhookActionTests {

	@Autowired
	WorkflowService workflows;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkflowLog log;

	@Autowired
	ActionExecutor executor;

	@Autowired
	People people;

	@Autowired
	ObjectMapper json;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	WorkflowTesting testing;

	HttpServer server;

	final List<Call> calls = new CopyOnWriteArrayList<>();

	final AtomicInteger answer = new AtomicInteger(204);

	Person rep;

	String tag;

	@BeforeEach
	void setUp() throws IOException {
		this.testing = new WorkflowTesting(this.workflows, this.opportunities, this.jdbc, this.log);
		this.rep = this.people.rep();
		this.tag = Names.tag();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/hook", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.calls.add(new Call(body, exchange.getRequestHeaders().getFirst("X-Potentia-Signature"),
					exchange.getRequestHeaders().getFirst("X-Potentia-Delivery")));
			exchange.sendResponseHeaders(this.answer.get(), -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void tearDown() {
		this.server.stop(0);
		this.testing.deleteWorkflows();
	}

	@Test
	void theRecordIsPostedAsJsonSignedWithTheWorkflowsSecret() throws GeneralSecurityException {
		Workflow workflow = this.testing.workflow("potentials", RunOption.EVERY_SAVE, "name", this.tag);
		this.workflows.addWebhook(workflow.getId(), url());
		String secret = this.workflows.get(workflow.getId()).getWebhookSecret();

		long id = this.testing.opportunity(this.rep, this.tag + " Hooked", "2500.50");
		this.testing.settle(this.tag);

		assertThat(this.calls).hasSize(1);
		Call call = this.calls.get(0);
		assertThat(call.signature()).isEqualTo("sha256=" + hmac(secret, call.body()));
		JsonNode payload = this.json.readTree(call.body());
		assertThat(payload.path("module").asString()).isEqualTo("potentials");
		assertThat(payload.path("id").asLong()).isEqualTo(id);
		assertThat(payload.path("event").asString()).isEqualTo("created");
		assertThat(payload.path("workflow").path("name").asString()).isEqualTo("Test " + this.tag);
		assertThat(payload.path("record").path("name").asString()).isEqualTo(this.tag + " Hooked");
		assertThat(payload.path("record").path("amount").decimalValue()).isEqualByComparingTo("2500.50");
		assertThat(payload.path("record").path("owner_id").asLong()).isEqualTo(this.rep.id());
	}

	@Test
	void aReceiverThatKeepsFailingIsCalledAgainAfterEachBackOffThenTheActionIsLoggedFailed() throws Exception {
		this.answer.set(500);
		Workflow workflow = this.testing.workflow("potentials", RunOption.EVERY_SAVE, "name", this.tag);
		this.workflows.addWebhook(workflow.getId(), url());

		long id = this.testing.opportunity(this.rep, this.tag + " Unreachable", null);
		this.testing.settle(this.tag);
		WorkflowLog.Entry entry = single(id, workflow);
		assertThat(entry.status()).isEqualTo("pending");
		assertThat(entry.attempts()).isEqualTo(1);
		assertThat(entry.error()).isEqualTo("The webhook answered HTTP 500");
		assertThat(entry.nextAttemptAt()).isBetween(Instant.now().plusSeconds(30), Instant.now().plusSeconds(61));

		Instant now = Instant.now();
		this.executor.runDue(now.plus(Duration.ofSeconds(30)));
		assertThat(single(id, workflow).attempts()).as("not due before the first back-off").isEqualTo(1);
		this.executor.runDue(now.plus(Duration.ofMinutes(2)));
		assertThat(single(id, workflow).attempts()).isEqualTo(2);
		this.executor.runDue(now.plus(Duration.ofMinutes(8)));
		assertThat(single(id, workflow).attempts()).isEqualTo(3);
		this.executor.runDue(now.plus(Duration.ofMinutes(40)));

		entry = single(id, workflow);
		assertThat(entry.status()).isEqualTo("failed");
		assertThat(entry.attempts()).isEqualTo(4);
		assertThat(entry.nextAttemptAt()).isNull();
		assertThat(this.calls).hasSize(4).extracting(Call::delivery).containsOnly(String.valueOf(entry.id()));

		Person admin = this.people.admin();
		String page = this.mvc
			.perform(get("/admin/workflows/log").param("status", "failed")
				.with(user(this.users.loadUserByUsername(admin.username()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Test " + this.tag, "The webhook answered HTTP 500");
	}

	@Test
	void aReceiverThatRecoversGetsTheCallOnTheNextAttempt() {
		this.answer.set(503);
		Workflow workflow = this.testing.workflow("potentials", RunOption.EVERY_SAVE, "name", this.tag);
		this.workflows.addWebhook(workflow.getId(), url());
		long id = this.testing.opportunity(this.rep, this.tag + " Later", null);
		this.testing.settle(this.tag);

		this.answer.set(200);
		this.executor.runDue(Instant.now().plus(Duration.ofMinutes(2)));

		WorkflowLog.Entry entry = single(id, workflow);
		assertThat(entry.status()).isEqualTo("done");
		assertThat(entry.attempts()).isEqualTo(2);
		await().until(() -> this.calls.size() == 2);
	}

	private WorkflowLog.Entry single(long id, Workflow workflow) {
		List<WorkflowLog.Entry> entries = this.testing.entries("potentials", id, workflow);
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

	private String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	private static String hmac(String secret, byte[] body) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

	record Call(byte[] body, String signature, String delivery) {
	}

}
