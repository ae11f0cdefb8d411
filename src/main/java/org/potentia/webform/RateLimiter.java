package org.potentia.webform;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many posts each address may make to the web forms: a Bucket4j bucket per address
 * (kept in this instance's memory) that holds the limit and refills all of it at the end
 * of each window. Beyond the limit a post is refused with the seconds until the refill.
 * Bucket4j is the design's one rate limiter; sign-in uses it as well
 * ({@code SignInThrottle}), so the two limits behave and are tested alike instead of two
 * hand-written counters.
 */
@Component
public class RateLimiter {

	private static final int SWEEP_ABOVE = 10_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final TimeMeter meter;

	private final Bandwidth bandwidth;

	private final int limit;

	@Autowired
	RateLimiter(WebFormProperties properties) {
		this(Clock.systemUTC(), properties);
	}

	RateLimiter(Clock clock, WebFormProperties properties) {
		this.meter = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
		this.limit = properties.rateLimit();
		this.bandwidth = Bandwidth.builder()
			.capacity(this.limit)
			.refillIntervally(this.limit, properties.rateWindow())
			.build();
	}

	/**
	 * Counts a post from the address.
	 * @return empty if it is allowed, else the seconds to wait
	 */
	public OptionalLong acquire(String address) {
		if (this.buckets.size() > SWEEP_ABOVE) {
			this.buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() >= this.limit);
		}
		Bucket bucket = this.buckets.computeIfAbsent(address,
				(key) -> Bucket.builder().addLimit(this.bandwidth).withCustomTimePrecision(this.meter).build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return OptionalLong.empty();
		}
		long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
		return OptionalLong.of(Math.max(1, seconds));
	}

}
