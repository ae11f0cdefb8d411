package org.potentia.platform.security;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.potentia.testing.QuickPasswordHashing;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own password encoder, which the application tests replace with a
 * cheap one of the same algorithms and ids ({@link QuickPasswordHashing}): new passwords
 * get PBKDF2 with Spring Security's 5.8 parameters, all of a long passphrase counts, and
 * bcrypt hashes of before still match and are marked for re-hashing.
 */
class PasswordEncoderTests {

	private final PasswordEncoder encoder = new SecurityConfiguration().passwordEncoder();

	@Test
	void newPasswordsAreHashedWithPbkdf2AsTheTestsAssume() {
		String passphrase = "Mein Pferd frisst keinen Gurkensalat, aber es trinkt gern Kräutertee am Abend im Stall";
		assertThat(passphrase.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72);

		String hash = this.encoder.encode(passphrase);

		String prefix = "{" + QuickPasswordHashing.PBKDF2 + "}";
		assertThat(hash).startsWith(prefix);
		assertThat(Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()
			.matches(passphrase, hash.substring(prefix.length()))).as("Spring Security's 5.8 parameters").isTrue();
		assertThat(this.encoder.matches(passphrase, hash)).isTrue();
		assertThat(this.encoder.matches(passphrase.substring(0, 72), hash)).as("all of it counts").isFalse();
		assertThat(this.encoder.upgradeEncoding(hash)).isFalse();
	}

	@Test
	void aBcryptHashOfBeforeMatchesAndIsToBeRehashed() {
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("an-old-bcrypt-password");

		assertThat(this.encoder.matches("an-old-bcrypt-password", hash)).isTrue();
		assertThat(this.encoder.upgradeEncoding(hash)).isTrue();
	}

}
