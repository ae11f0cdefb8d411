package org.potentia.webform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.potentia.platform.settings.Settings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The token a form page carries: the moment the page was served and the form's key,
 * signed with a secret kept in the settings (so that every instance shares it). A post
 * whose token is missing, forged, too old, or younger than the form's minimum fill time
 * is refused: bots post at once, people take a few seconds.
 */
@Component
class FormTokens {

	static final String SECRET_SETTING = "webforms.token_secret";

	private final Settings settings;

	private final Clock clock;

	private final Duration lifetime;

	private volatile byte[] secret;

	@Autowired
	FormTokens(Settings settings, WebFormProperties properties) {
		this(settings, Clock.systemUTC(), properties);
	}

	FormTokens(Settings settings, Clock clock, WebFormProperties properties) {
		this.settings = settings;
		this.clock = clock;
		this.lifetime = properties.tokenLifetime();
	}

	String issue(String formKey) {
		long issued = this.clock.millis();
		return issued + "." + sign(formKey, issued);
	}

	/**
	 * Checks a posted token.
	 * @return null if it is good, else the message key of why not
	 */
	String check(String token, String formKey, int minFillSeconds) {
		if (token == null || token.isBlank()) {
			return "webform.error.token";
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot > 20) {
			return "webform.error.token";
		}
		long issued;
		try {
			issued = Long.parseLong(token.substring(0, dot));
		}
		catch (NumberFormatException ex) {
			return "webform.error.token";
		}
		byte[] expected = sign(formKey, issued).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return "webform.error.token";
		}
		Instant now = this.clock.instant();
		Instant issuedAt = Instant.ofEpochMilli(issued);
		if (issuedAt.plus(this.lifetime).isBefore(now)) {
			return "webform.error.expired";
		}
		if (issuedAt.plusSeconds(minFillSeconds).isAfter(now)) {
			return "webform.error.too_fast";
		}
		return null;
	}

	private String sign(String formKey, long issued) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
			byte[] signature = mac.doFinal((formKey + ":" + issued).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * The secret, made on first use. Two instances making it at once both write; the
	 * value read back after writing is the one every instance uses from then on.
	 */
	private byte[] secret() {
		byte[] known = this.secret;
		if (known == null) {
			String stored = this.settings.get(SECRET_SETTING).orElse(null);
			if (stored == null) {
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				this.settings.set(SECRET_SETTING, HexFormat.of().formatHex(fresh), "system");
				stored = this.settings.get(SECRET_SETTING).orElseThrow();
			}
			known = HexFormat.of().parseHex(stored);
			this.secret = known;
		}
		return known;
	}

}
