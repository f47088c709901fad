package taplever.runtime;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits. Injected wherever the HTTP layer pauses (rate limit, retry backoff, token refresh), so
 * tests replace time instead of spending it.
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread; zero and negative durations return at once. */
  Sleeper SYSTEM = d -> {
    if (d.isNegative() || d.isZero()) {
      return;
    }
    TimeUnit.NANOSECONDS.sleep(d.toNanos());
  };

  void sleep(Duration duration) throws InterruptedException;
}
