package org.potentia.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.potentia.platform.ValidationException;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, after OWASP ASVS (V2.1): at least 12 characters and at
 * most 256, so that long passphrases fit (they are hashed with PBKDF2, which has no
 * 72-byte limit as bcrypt has); not one of the 10,000 most common passwords
 * ({@code identity/common-passwords.txt}, compared without regard to case); and not a few
 * characters repeated ({@code aaaaaaaaaaaa}, {@code 121212121212}). There are no rules on
 * kinds of characters: any letter, digit, space or symbol is allowed.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 256;

	static final int MIN_DISTINCT = 5;

	private static final String LIST = "identity/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load();
	}

	/**
	 * Checks a new password.
	 * @param field the form field or attribute the error belongs to
	 * @throws ValidationException if the password does not meet the policy
	 */
	public void check(String field, String password) {
		int length = (password == null) ? 0 : password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			throw ValidationException.of(field, "error.password.length", MIN_LENGTH, MAX_LENGTH);
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			throw ValidationException.of(field, "error.password.common");
		}
		if (password.codePoints().distinct().count() < MIN_DISTINCT) {
			throw ValidationException.of(field, "error.password.repetitive");
		}
	}

	int commonCount() {
		return this.common.size();
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>(16_384);
		try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
			if (in == null) {
				throw new IllegalStateException("The list of common passwords " + LIST + " is missing");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					passwords.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}

}
