package org.potentia.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins by password, per user name and per address, with Bucket4j
 * buckets in this instance's memory (the design's rate limiter; the web forms' limit uses
 * it too).
 * <ul>
 * <li>A user name has a budget of {@link SignInProperties#userFailures()} failures. The
 * failure that empties it locks the name for {@link SignInProperties#lockFirst()}; each
 * further lock doubles up to {@link SignInProperties#lockMax()}. A lock is a bucket whose
 * one token comes back when the lock ends, so every lock ends by itself: an attacker gets
 * a few guesses per lock, and the user gets in after it. A successful sign-in forgets the
 * name's failures.</li>
 * <li>An address has a budget of {@link SignInProperties#addressFailures()} failures per
 * {@link SignInProperties#addressWindow()}, refilled gradually; while it is empty every
 * sign-in from it waits.</li>
 * </ul>
 * A refused attempt is not checked at all, so a locked name cannot be guessed. Failures
 * are logged at WARN with name and address, never the password. With several instances
 * each keeps its own count, so the budgets multiply by the number of instances.
 */
@Component
public class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private static final int SWEEP_ABOVE = 10_000;

	private final Map<String, UserState> users = new ConcurrentHashMap<>();

	private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

	private final SignInProperties properties;

	private final Clock clock;

	private final TimeMeter meter;

	@Autowired
	SignInThrottle(SignInProperties properties, ObjectProvider<Clock> clock) {
		this(properties, clock.getIfAvailable(Clock::systemUTC));
	}

	SignInThrottle(SignInProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.meter = new ClockMeter(clock);
	}

	/**
	 * Whether a sign-in may be tried now.
	 * @param username the user name sent, or null if none
	 * @param address the client's address
	 * @return empty if it may, else the seconds to wait
	 */
	public OptionalLong check(String username, String address) {
		long nanos = 0;
		Bucket budget = this.addresses.get(address);
		if (budget != null && budget.getAvailableTokens() < 1) {
			nanos = budget.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		}
		UserState user = (username != null) ? this.users.get(key(username)) : null;
		if (user != null) {
			nanos = Math.max(nanos, user.lockedFor());
		}
		return (nanos > 0) ? OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L))
				: OptionalLong.empty();
	}

	/**
	 * Counts a failed sign-in.
	 */
	public void failed(String username, String address) {
		sweep();
		String name = (username != null) ? key(username) : "";
		log.warn("Sign-in failed for user name '{}' from {}", printable(name), printable(address));
		this.addresses
			.computeIfAbsent(address,
					(key) -> newBucket(this.properties.addressFailures(), this.properties.addressWindow(),
							this.properties.addressFailures()))
			.tryConsume(1);
		if (name.isEmpty()) {
			return;
		}
		this.users.compute(name, (key, current) -> {
			UserState state = (current != null) ? current : new UserState();
			state.failed(name);
			return state;
		});
	}

	/**
	 * Forgets a user name's failures after a successful sign-in.
	 */
	public void succeeded(String username) {
		if (username != null) {
			this.users.remove(key(username));
		}
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		Authentication authentication = event.getAuthentication();
		if (authentication instanceof UsernamePasswordAuthenticationToken
				&& authentication.getDetails() instanceof WebAuthenticationDetails details) {
			failed(authentication.getName(), details.getRemoteAddress());
		}
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken authentication) {
			succeeded(authentication.getName());
		}
	}

	private void sweep() {
		if (this.users.size() > SWEEP_ABOVE) {
			Instant forgetBefore = this.clock.instant().minus(this.properties.lockMax().multipliedBy(2));
			this.users.values().removeIf((state) -> state.lastFailure.isBefore(forgetBefore));
		}
		if (this.addresses.size() > SWEEP_ABOVE) {
			this.addresses.values()
				.removeIf((bucket) -> bucket.getAvailableTokens() >= this.properties.addressFailures());
		}
	}

	private Bucket newBucket(long capacity, Duration refill, long initial) {
		Bandwidth limit = Bandwidth.builder()
			.capacity(capacity)
			.refillGreedy(capacity, refill)
			.initialTokens(initial)
			.build();
		return Bucket.builder().addLimit(limit).withCustomTimePrecision(this.meter).build();
	}

	private static String key(String username) {
		return username.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * A user name or address as it may go into the log: no line breaks or other control
	 * characters, at most 100 characters.
	 */
	static String printable(String text) {
		if (text == null) {
			return "";
		}
		String cleaned = text.replaceAll("\\p{Cntrl}", "?");
		return (cleaned.length() > 100) ? cleaned.substring(0, 100) + "…" : cleaned;
	}

	/**
	 * One user name's failures: a budget bucket, the lock (a one-token bucket that is
	 * empty while the lock lasts) and how many locks there were in a row.
	 */
	private final class UserState {

		private final Bucket budget;

		private Bucket lock;

		private int locks;

		private Instant lastFailure;

		UserState() {
			int failures = SignInThrottle.this.properties.userFailures();
			this.budget = newBucket(failures, SignInThrottle.this.properties.lockMax(), failures);
		}

		synchronized void failed(String name) {
			Instant now = SignInThrottle.this.clock.instant();
			Duration max = SignInThrottle.this.properties.lockMax();
			if (this.lastFailure != null && this.lockedFor() == 0 && this.lastFailure.plus(max).isBefore(now)) {
				this.locks = 0;
			}
			this.lastFailure = now;
			if (this.budget.tryConsume(1) && this.budget.getAvailableTokens() > 0) {
				return;
			}
			Duration length = SignInThrottle.this.properties.lockFirst();
			for (int i = 0; i < this.locks && length.compareTo(max) < 0; i++) {
				length = length.multipliedBy(2);
			}
			if (length.compareTo(max) > 0) {
				length = max;
			}
			this.locks++;
			this.lock = Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(1).refillIntervally(1, length).initialTokens(0).build())
				.withCustomTimePrecision(SignInThrottle.this.meter)
				.build();
			this.budget.addTokens(SignInThrottle.this.properties.userFailures());
			log.warn("Sign-in for user name '{}' locked for {} after repeated failures", printable(name), length);
		}

		synchronized long lockedFor() {
			if (this.lock == null || this.lock.getAvailableTokens() > 0) {
				return 0;
			}
			return this.lock.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		}

	}

	/**
	 * Bucket4j's time from a {@link Clock}, so that tests can move time forward.
	 */
	private record ClockMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
