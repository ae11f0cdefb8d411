package org.potentia.webform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the public web forms.
 *
 * @param rateLimit how many posts one address may make to the forms within
 * {@code rateWindow}; more answer 429 with Retry-After
 * @param rateWindow the window of the rate limit
 * @param maxBodySize the largest request body a form accepts, in bytes (413 beyond)
 * @param duplicateWindow how long a second submission with the same email on the same
 * form updates the first one's record instead of making another
 * @param tokenLifetime how long a form page's token stays valid
 * @param retryDelays the waits before each new attempt to save a submission that failed
 * @param retryInterval how often failed submissions are looked for
 */
@ConfigurationProperties("potentia.forms")
public record WebFormProperties(@DefaultValue("20") int rateLimit, @DefaultValue("PT10M") Duration rateWindow,
		@DefaultValue("65536") int maxBodySize, @DefaultValue("PT10M") Duration duplicateWindow,
		@DefaultValue("P1D") Duration tokenLifetime, @DefaultValue( {
				"PT1M", "PT5M", "PT30M", "PT2H", "PT12H" }) List<Duration> retryDelays,
		@DefaultValue("PT1M") Duration retryInterval){

	/**
	 * When the attempt after {@code attempts} failed ones is due, or null if they ran
	 * out.
	 */
	java.time.Instant nextAttempt(int attempts, java.time.Instant now) {
		return (attempts <= this.retryDelays.size()) ? now.plus(this.retryDelays.get(attempts - 1)) : null;
	}

}
