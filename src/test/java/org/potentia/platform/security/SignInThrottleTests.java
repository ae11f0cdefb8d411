package org.potentia.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.potentia.testing.MutableClock;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.QuickPasswordHashing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Guessing passwords meets a lock per user name and a budget per address, on HTTP Basic
 * (429 with Retry-After) and on the sign-in form (a message); locks end by themselves and
 * grow up to a limit. Its own application context with small limits and a clock the test
 * moves forward.
 */
@SpringBootTest(properties = { "potentia.signin.user-failures=3", "potentia.signin.lock-first=PT5M",
		"potentia.signin.lock-max=PT20M", "potentia.signin.address-failures=10",
		"potentia.signin.address-window=PT10M" })
@AutoConfigureMockMvc
@Import({ People.class, SignInThrottleTests.Time.class, QuickPasswordHashing.class })
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleTests {

	private static int addresses;

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	MutableClock clock;

	@Test
	void guessingOnHttpBasicMeets429AndALockThatEnds(CapturedOutput output) throws Exception {
		Person rep = this.people.rep();
		String address = nextAddress();

		for (int i = 0; i < 3; i++) {
			assertThat(token(rep.username(), "wrong-guess-" + i, address).getResponse().getStatus()).isEqualTo(401);
		}
		MvcResult locked = token(rep.username(), rep.password(), address);
		assertThat(locked.getResponse().getStatus()).as("even the right password waits for the lock").isEqualTo(429);
		assertThat(locked.getResponse().getHeader("Retry-After")).isEqualTo("300");
		assertThat(locked.getResponse().getContentAsString()).contains("\"status\":\"429\"")
			.contains("Too many failed sign-ins");
		assertThat(token(rep.username(), rep.password(), nextAddress()).getResponse().getStatus())
			.as("the lock is the user name's, from any address")
			.isEqualTo(429);

		this.clock.advance(Duration.ofMinutes(4));
		assertThat(token(rep.username(), rep.password(), address).getResponse().getHeader("Retry-After"))
			.isEqualTo("60");
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(token(rep.username(), rep.password(), address).getResponse().getStatus())
			.as("the real user gets in after the lock")
			.isEqualTo(201);

		List<String> logged = output.getAll()
			.lines()
			.filter((line) -> line.contains(SignInThrottle.class.getSimpleName()))
			.toList();
		assertThat(logged).anyMatch((line) -> line.contains("WARN")
				&& line.endsWith("Sign-in failed for user name '" + rep.username() + "' from " + address));
		assertThat(logged).noneMatch((line) -> line.contains("wrong-guess") || line.contains(rep.password()));
	}

	@Test
	void locksGrowUpToTheLongestAndEnd() throws Exception {
		Person rep = this.people.rep();
		String address = nextAddress();

		for (long expected : new long[] { 300, 600, 1200, 1200 }) {
			for (int i = 0; i < 3; i++) {
				assertThat(token(rep.username(), "wrong", address).getResponse().getStatus()).isEqualTo(401);
			}
			MvcResult locked = token(rep.username(), rep.password(), address);
			assertThat(locked.getResponse().getStatus()).isEqualTo(429);
			assertThat(locked.getResponse().getHeader("Retry-After")).isEqualTo(String.valueOf(expected));
			this.clock.advance(Duration.ofSeconds(expected));
		}
		assertThat(token(rep.username(), rep.password(), address).getResponse().getStatus()).isEqualTo(201);
	}

	@Test
	void theFormSaysHowLongToWait() throws Exception {
		Person rep = this.people.rep();
		String address = nextAddress();

		for (int i = 0; i < 3; i++) {
			MvcResult failed = signIn(rep.username(), "wrong", address);
			assertThat(failed.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		}
		MvcResult locked = signIn(rep.username(), rep.password(), address);
		assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?locked=5");
		assertThat(this.mvc.perform(get("/login").param("locked", "5").locale(Locale.ENGLISH))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Too many failed sign-ins. Please try again in 5 minute(s).");
		assertThat(this.mvc.perform(get("/login").param("locked", "5").header("Accept-Language", "de"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Zu viele fehlgeschlagene Anmeldungen");

		this.clock.advance(Duration.ofMinutes(5));
		assertThat(signIn(rep.username(), rep.password(), address).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void oneAddressGuessingManyNamesRunsOutOfBudget() throws Exception {
		Person rep = this.people.rep();
		String address = nextAddress();

		for (int i = 0; i < 10; i++) {
			assertThat(token(Names.unique("nobody"), "wrong", address).getResponse().getStatus()).isEqualTo(401);
		}
		MvcResult refused = token(rep.username(), rep.password(), address);
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
		assertThat(signIn(rep.username(), rep.password(), address).getResponse().getRedirectedUrl())
			.startsWith("/login?locked=");
		assertThat(token(rep.username(), rep.password(), nextAddress()).getResponse().getStatus())
			.as("another address is not held up")
			.isEqualTo(201);

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(token(rep.username(), rep.password(), address).getResponse().getStatus()).isEqualTo(201);
	}

	private MvcResult token(String username, String password, String address) throws Exception {
		MockHttpServletRequestBuilder request = post("/api/v1/tokens").with(httpBasic(username, password))
			.with(from(address))
			.contentType("application/vnd.api+json")
			.content("{\"data\":{\"type\":\"tokens\",\"attributes\":{\"name\":\"throttle\"}}}");
		return this.mvc.perform(request).andReturn();
	}

	private MvcResult signIn(String username, String password, String address) throws Exception {
		return this.mvc.perform(
				post("/login").with(csrf()).with(from(address)).param("username", username).param("password", password))
			.andReturn();
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static synchronized String nextAddress() {
		addresses++;
		return "192.0.2." + addresses;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
		}

	}

}
