package org.potentia.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.potentia.platform.FieldError;
import org.potentia.platform.ValidationException;
import org.potentia.platform.settings.Settings;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMTP server workflows send email through, set by the admin and kept in the shared
 * settings (so every instance uses the same), and a mail sender built from it.
 */
@Component
public class MailSettings {

	static final String HOST = "mail.host";

	static final String PORT = "mail.port";

	static final String USERNAME = "mail.username";

	static final String PASSWORD = "mail.password";

	static final String FROM = "mail.from";

	static final String TLS = "mail.tls";

	static final String LANGUAGE = "mail.language";

	private static final List<String> KEYS = List.of(HOST, PORT, USERNAME, PASSWORD, FROM, TLS, LANGUAGE);

	private static final String TIMEOUT_MILLIS = "10000";

	private final Settings settings;

	MailSettings(Settings settings) {
		this.settings = settings;
	}

	public Mail current() {
		return new Mail(text(HOST), Integer.parseInt(this.settings.get(PORT).orElse("587")), text(USERNAME),
				text(PASSWORD), text(FROM), this.settings.getBoolean(TLS, true),
				this.settings.get(LANGUAGE).orElse("en"));
	}

	/**
	 * The settings' version, for the page to carry.
	 */
	public long version() {
		return this.settings.version(KEYS);
	}

	/**
	 * Saves the settings; a blank password keeps the one saved before.
	 * @param seen the version the page showed, or null if it did not say
	 * @throws ValidationException with every {@linkplain Mail#problems() problem} of the
	 * settings, saving nothing
	 * @throws org.potentia.platform.ConflictException if they were saved since
	 */
	@Transactional
	public void save(Mail mail, Long seen, String who) {
		List<FieldError> problems = mail.problems();
		if (!problems.isEmpty()) {
			throw new ValidationException(problems);
		}
		this.settings.checkVersion(KEYS, seen);
		this.settings.set(HOST, mail.host(), who);
		this.settings.set(PORT, String.valueOf(mail.port()), who);
		this.settings.set(USERNAME, mail.username(), who);
		if (mail.password() != null && !mail.password().isBlank()) {
			this.settings.set(PASSWORD, mail.password(), who);
		}
		this.settings.set(FROM, mail.from(), who);
		this.settings.set(TLS, String.valueOf(mail.tls()), who);
		this.settings.set(LANGUAGE, mail.language(), who);
	}

	/**
	 * A sender for the current settings.
	 * @throws IllegalStateException if no server is set
	 */
	public JavaMailSender sender() {
		Mail mail = current();
		if (!mail.isConfigured()) {
			throw new IllegalStateException("No SMTP server is set up (Admin, Workflows, Email)");
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(mail.host());
		sender.setPort(mail.port());
		sender.setDefaultEncoding("UTF-8");
		Properties properties = sender.getJavaMailProperties();
		if (!mail.username().isEmpty()) {
			sender.setUsername(mail.username());
			sender.setPassword(mail.password());
			properties.put("mail.smtp.auth", "true");
		}
		properties.put("mail.smtp.starttls.enable", String.valueOf(mail.tls()));
		properties.put("mail.smtp.starttls.required", String.valueOf(mail.tls()));
		properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
		properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
		properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
		return sender;
	}

	private String text(String key) {
		return this.settings.get(key).orElse("");
	}

	/**
	 * The settings.
	 *
	 * @param host the SMTP server, empty if none is set
	 * @param port its port
	 * @param username the user to sign in as, empty for none
	 * @param password the password
	 * @param from the sender address
	 * @param tls whether to require STARTTLS
	 * @param language the language of formatted values in emails ({@code en}, {@code de})
	 */
	public record Mail(String host, int port, String username, String password, String from, boolean tls,
			String language) {

		/**
		 * The longest value kept, as the settings' column takes it with room to spare.
		 */
		static final int MAX_LENGTH = 255;

		/**
		 * A host name ({@code smtp.example.com}; with underscores too, as container names
		 * have them), an IPv4 address or an IPv6 address in brackets.
		 */
		private static final Pattern HOST_NAME = Pattern.compile(
				"(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*)"
						+ "|\\[[0-9A-Fa-f:.]+\\]");

		public Mail {
			host = (host != null) ? host.trim() : "";
			username = (username != null) ? username.trim() : "";
			from = (from != null) ? from.trim() : "";
			language = "de".equals(language) ? "de" : "en";
		}

		/**
		 * What no mail server would take, each as a field and message key: a port out of
		 * range, a value too long to keep, a host that is neither a host name nor an
		 * address, a sender that is not an address. Empty host and sender are fine: they
		 * mean no server is set up.
		 */
		public List<FieldError> problems() {
			List<FieldError> problems = new ArrayList<>();
			if (this.port < 1 || this.port > 65535) {
				problems.add(new FieldError("port", "error.mail.port"));
			}
			if (Stream.of(this.host, this.username, this.password, this.from)
				.anyMatch((value) -> value != null && value.length() > MAX_LENGTH)) {
				problems.add(new FieldError("host", "error.mail.long"));
				return problems;
			}
			if (!this.host.isEmpty() && !HOST_NAME.matcher(this.host).matches()) {
				problems.add(new FieldError("host", "error.mail.host"));
			}
			if (!this.from.isEmpty() && !isAddress(this.from)) {
				problems.add(new FieldError("from", "error.mail.from"));
			}
			return problems;
		}

		/**
		 * A sender address as a mail server takes it: {@code crm@example.com}, or with a
		 * name, {@code Potentia <crm@example.com>}.
		 */
		private static boolean isAddress(String from) {
			try {
				InternetAddress address = new InternetAddress(from, true);
				address.validate();
				return address.getAddress().contains("@");
			}
			catch (AddressException ex) {
				return false;
			}
		}

		public boolean isConfigured() {
			return !this.host.isEmpty() && !this.from.isEmpty();
		}

		public Locale locale() {
			return Locale.forLanguageTag(this.language);
		}

	}

}
