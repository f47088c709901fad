package taplever.fake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Lever's limiter (§4): a token bucket per credential, refilled at {@code requestsPerSecond} up to
 * {@code burst}.
 */
final class FakeRateLimiter {
  private final double perNano;
  private final int burst;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private final class Bucket {
    private double tokens = burst;
    private long refilledAt = nanoTime.getAsLong();

    synchronized boolean take() {
      long now = nanoTime.getAsLong();
      tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
      refilledAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }

  /**
   * @param nanoTime a monotonic nanosecond source ({@code System::nanoTime} outside tests)
   */
  FakeRateLimiter(double requestsPerSecond, int burst, LongSupplier nanoTime) {
    if (requestsPerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("requestsPerSecond must be > 0 and burst >= 1");
    }
    this.perNano = requestsPerSecond / 1e9;
    this.burst = burst;
    this.nanoTime = nanoTime;
  }

  /** Takes one token from {@code credential}'s bucket; false means answer 429. */
  boolean tryAcquire(String credential) {
    return buckets.computeIfAbsent(credential, k -> new Bucket()).take();
  }

  /**
   * Whole seconds until one token is back at the steady rate (at least 1), for {@code Retry-After}.
   */
  long retryAfterSeconds() {
    return Math.max(1, (long) Math.ceil(1 / (perNano * 1e9)));
  }
}
