package org.potentia.identity;

import org.junit.jupiter.api.Test;

import org.potentia.platform.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * New passwords after OWASP ASVS: long enough, not too long, not common, not a
 * repetition; long passphrases are welcome.
 */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void shipsTenThousandCommonPasswords() {
		assertThat(this.policy.commonCount()).isEqualTo(10_000);
	}

	@Test
	void refusesTheShortPasswordsItOnceAccepted() {
		for (String password : new String[] { "password", "12345678", "aaaaaaaa", "elevenchars", "", null }) {
			assertThat(refusal(password)).as(password).isEqualTo("error.password.length");
		}
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(refusal("qwerty123456")).isEqualTo("error.password.common");
		assertThat(refusal("QWERTY123456")).isEqualTo("error.password.common");
		assertThat(refusal("1qaz2wsx3edc")).isEqualTo("error.password.common");
	}

	@Test
	void refusesARepetitionOfAFewCharacters() {
		assertThat(refusal("aaaaaaaaaaaa")).isEqualTo("error.password.repetitive");
		assertThat(refusal("121212121212")).isEqualTo("error.password.repetitive");
	}

	@Test
	void acceptsLongPassphrasesUpToTheLimit() {
		assertThatNoException().isThrownBy(() -> this.policy.check("password", "correct horse battery staple"));
		String phrase = "Über sieben Brücken musst du gehn, sieben dunkle Jahre überstehn ";
		String longest = phrase.repeat(4).substring(0, PasswordPolicy.MAX_LENGTH);
		assertThatNoException().isThrownBy(() -> this.policy.check("password", longest));
		assertThat(refusal(longest + "x")).isEqualTo("error.password.length");
	}

	@Test
	void countsCharactersNotBytes() {
		String twelveEmoji = "🔑🚪🏠🌳🌊🔥🌙⭐🍀🎲🎯🧩";
		assertThatNoException().isThrownBy(() -> this.policy.check("password", twelveEmoji));
	}

	private String refusal(String password) {
		ValidationException refused = catchThrowableOfType(ValidationException.class,
				() -> this.policy.check("newPassword", password));
		assertThat(refused).as("refused: " + password).isNotNull();
		assertThat(refused.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.field()).isEqualTo("newPassword"));
		return refused.getErrors().get(0).messageKey();
	}

}
