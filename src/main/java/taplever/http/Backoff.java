package taplever.http;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: uniform in {@code [0, min(cap, base * 2^(attempt-1)))}.
 * {@link RetryPolicy}'s wait when Lever names none: jittered, so the threads of a run that failed
 * together do not ask again together.
 */
record Backoff(Duration base, Duration cap, DoubleSupplier random) {
  static final Duration BASE = Duration.ofSeconds(1);
  static final Duration CAP = Duration.ofSeconds(30);

  static Backoff of(DoubleSupplier random) {
    return new Backoff(BASE, CAP, random);
  }

  Duration wait(int attempt) {
    long ceiling = cap.toNanos();
    if (attempt <= 6) {
      ceiling = Math.min(ceiling, base.toNanos() << (attempt - 1));
    }
    return Duration.ofNanos((long) (random.getAsDouble() * ceiling));
  }
}
