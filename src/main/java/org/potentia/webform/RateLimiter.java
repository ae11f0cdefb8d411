package org.potentia.webform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many posts each address made to the web forms in the current window (a fixed window
 * per address, kept in this instance's memory). Beyond the limit a post is refused with
 * the seconds until the address's window ends.
 */
@Component
public class RateLimiter {

	private static final int SWEEP_ABOVE = 10_000;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final Clock clock;

	private final int limit;

	private final Duration length;

	@Autowired
	RateLimiter(WebFormProperties properties) {
		this(Clock.systemUTC(), properties);
	}

	RateLimiter(Clock clock, WebFormProperties properties) {
		this.clock = clock;
		this.limit = properties.rateLimit();
		this.length = properties.rateWindow();
	}

	/**
	 * Counts a post from the address.
	 * @return empty if it is allowed, else the seconds to wait
	 */
	public OptionalLong acquire(String address) {
		Instant now = this.clock.instant();
		if (this.windows.size() > SWEEP_ABOVE) {
			this.windows.values().removeIf((window) -> window.endsBefore(now));
		}
		Window window = this.windows.compute(address, (key, current) -> (current == null || current.endsBefore(now))
				? new Window(now.plus(this.length), 1) : new Window(current.end(), current.count() + 1));
		if (window.count() <= this.limit) {
			return OptionalLong.empty();
		}
		long seconds = Duration.between(now, window.end()).toSeconds() + 1;
		return OptionalLong.of(Math.max(1, seconds));
	}

	private record Window(Instant end, int count) {

		boolean endsBefore(Instant now) {
			return !this.end.isAfter(now);
		}

	}

}
