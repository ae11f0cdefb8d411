package org.potentia.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.potentia.platform.ValidationException;
import org.potentia.platform.security.Role;
import org.potentia.testing.Api;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The password policy where passwords are set, and how passwords are stored: PBKDF2 for
 * new ones, so long passphrases work; bcrypt hashes of before still sign in and are
 * re-hashed.
 */
@PotentiaTest
class PasswordStorageTests {

	@Autowired
	IdentityService identity;

	@Autowired
	People people;

	@Autowired
	Api api;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewUserNeedsAPasswordThePolicyAccepts() {
		for (String weak : new String[] { "password", "12345678", "aaaaaaaa", "qwerty123456" }) {
			assertThatExceptionOfType(ValidationException.class).as(weak)
				.isThrownBy(
						() -> this.identity.createUser(Names.unique("weak"), weak, null, "Weak", null, Role.REP, null));
		}
	}

	@Test
	void theProfileRefusesACommonPasswordInTheUsersLanguage() throws Exception {
		Person rep = this.people.rep();

		String english = this.mvc
			.perform(post("/profile/password").with(user(this.users.loadUserByUsername(rep.username())))
				.with(csrf())
				.header("Accept-Language", "en")
				.param("currentPassword", rep.password())
				.param("newPassword", "1q2w3e4r5t6y")
				.param("confirmPassword", "1q2w3e4r5t6y"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String german = this.mvc
			.perform(post("/profile/password").with(user(this.users.loadUserByUsername(rep.username())))
				.with(csrf())
				.header("Accept-Language", "de")
				.param("currentPassword", rep.password())
				.param("newPassword", "short")
				.param("confirmPassword", "short"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(english).contains("This password is one of the most common ones.");
		assertThat(german).contains("Das Passwort braucht mindestens 12 und höchstens 256 Zeichen.");
		assertThat(this.api.anonymous().basic(rep.username(), rep.password()).post("/api/v1/tokens", token()).status())
			.as("the password is unchanged")
			.isEqualTo(201);
	}

	@Test
	void aLongPassphraseIsStoredWithPbkdf2AndSignsIn() {
		Person rep = this.people.rep();
		String passphrase = "Mein Pferd frisst keinen Gurkensalat, aber es trinkt gern Kräutertee am Abend im Stall";
		assertThat(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeGreaterThan(72);

		this.identity.resetPassword(rep.id(), passphrase);

		assertThat(hash(rep)).startsWith("{pbkdf2@SpringSecurity_v5_8}");
		assertThat(this.api.anonymous().basic(rep.username(), passphrase).post("/api/v1/tokens", token()).status())
			.isEqualTo(201);
		assertThat(this.api.anonymous()
			.basic(rep.username(), passphrase.substring(0, 72))
			.post("/api/v1/tokens", token())
			.status()).as("all of it counts, not the first 72 bytes").isEqualTo(401);
	}

	@Test
	void aBcryptHashOfBeforeSignsInAndIsRehashed() {
		Person rep = this.people.rep();
		this.jdbc.sql("update users set password_hash = ? where id = ?")
			.params("{bcrypt}" + new BCryptPasswordEncoder().encode("an-old-bcrypt-password"), rep.id())
			.update();

		assertThat(this.api.anonymous()
			.basic(rep.username(), "an-old-bcrypt-password")
			.post("/api/v1/tokens", token())
			.status()).isEqualTo(201);

		assertThat(hash(rep)).startsWith("{pbkdf2@SpringSecurity_v5_8}");
		assertThat(this.api.anonymous()
			.basic(rep.username(), "an-old-bcrypt-password")
			.post("/api/v1/tokens", token())
			.status()).isEqualTo(201);
	}

	private String hash(Person person) {
		return this.jdbc.sql("select password_hash from users where id = ?")
			.param(person.id())
			.query(String.class)
			.single();
	}

	private static Map<String, Object> token() {
		return Api.document("tokens", Map.of("name", "storage test"));
	}

}
