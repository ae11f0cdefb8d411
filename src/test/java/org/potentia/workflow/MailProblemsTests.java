package org.potentia.workflow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.potentia.platform.FieldError;
import org.potentia.workflow.MailSettings.Mail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email server settings refuse what no mail server would take, and take every form of
 * host and sender that one would.
 */
class MailProblemsTests {

	@ParameterizedTest
	@ValueSource(strings = { "smtp.example.com", "mail_relay", "localhost", "10.0.0.25", "[::1]", "[2001:db8::25]",
			" smtp.example.com " })
	void takesHostNamesAndAddresses(String host) {
		assertThat(mail(host, 587, "crm@example.com").problems()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "kein mail", "<script>alert(1)</script>", "smtp.example.com;drop", "-smtp.example.com",
			"smtp..example.com", "::1", "smtp.example.com:25" })
	void refusesWhatIsNoHost(String host) {
		assertThat(mail(host, 587, "crm@example.com").problems()).extracting(FieldError::messageKey)
			.containsExactly("error.mail.host");
	}

	@ParameterizedTest
	@ValueSource(strings = { "crm@example.com", "Potentia <crm@example.com>", "\"Vertrieb, Nord\" <nord@example.com>" })
	void takesAddressesWithOrWithoutAName(String from) {
		assertThat(mail("smtp.example.com", 587, from).problems()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "kein mail", "crm", "crm@", "a@b.c, d@e.f", "<script>@example.com" })
	void refusesWhatIsNoAddress(String from) {
		assertThat(mail("smtp.example.com", 587, from).problems()).extracting(FieldError::messageKey)
			.containsExactly("error.mail.from");
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 0, 65536, Integer.MAX_VALUE })
	void refusesPortsOutOfRange(int port) {
		assertThat(mail("smtp.example.com", port, "crm@example.com").problems()).extracting(FieldError::messageKey)
			.containsExactly("error.mail.port");
	}

	@Test
	void namesEveryProblemOfOneSaveTogether() {
		assertThat(mail("kein host", 0, "kein mail").problems()).extracting(FieldError::messageKey)
			.containsExactly("error.mail.port", "error.mail.host", "error.mail.from");
	}

	@Test
	void refusesValuesTooLongToKeepWithoutCheckingThemFurther() {
		String longHost = "a".repeat(Mail.MAX_LENGTH + 1);
		assertThat(mail(longHost, 587, "crm@example.com").problems()).extracting(FieldError::messageKey)
			.containsExactly("error.mail.long");
		assertThat(
				new Mail("smtp.example.com", 587, "crm", "x".repeat(Mail.MAX_LENGTH + 1), "crm@example.com", true, "en")
					.problems())
			.extracting(FieldError::messageKey)
			.containsExactly("error.mail.long");
	}

	@Test
	void anEmptyHostAndSenderMeanNoServerAndAreNoProblem() {
		Mail none = mail("", 587, "");
		assertThat(none.problems()).isEmpty();
		assertThat(none.isConfigured()).isFalse();
	}

	private static Mail mail(String host, int port, String from) {
		return new Mail(host, port, "", "", from, true, "en");
	}

}
