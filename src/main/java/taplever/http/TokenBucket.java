package taplever.http;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import taplever.runtime.Sleeper;

/**
 * Lever's own limiter is a token bucket per API key (10 requests/s steady, bursts of 20), so ours
 * is one too, kept a little under it. It starts full.
 *
 * <p>The state is one number, {@code fullAt}: the instant the bucket would be full again if nobody
 * took another permit (the "theoretical arrival time" of GCRA). Taking a permit pushes it one
 * interval later; the permit may be used once fewer than {@code burst} intervals remain before
 * {@code fullAt}. Working in whole nanoseconds keeps the rate exact. A caller reserves its instant
 * under the lock and sleeps outside it, so waiting threads queue in reservation order without
 * blocking each other's reservations.
 */
public final class TokenBucket {
  private final long intervalNanos;
  private final long burstNanos;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private long fullAt;

  public TokenBucket(double permitsPerSecond, int burst, LongSupplier nanoTime, Sleeper sleeper) {
    if (!(permitsPerSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("rate must be positive and burst at least 1");
    }
    this.intervalNanos = Math.max(1, Math.round(1e9 / permitsPerSecond));
    this.burstNanos = intervalNanos * burst;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.fullAt = nanoTime.getAsLong();
  }

  /** Blocks until a permit is available and takes it. */
  public void acquire() throws InterruptedIOException {
    long usableAt = reserve();
    long wait = usableAt - nanoTime.getAsLong();
    if (wait <= 0) {
      return;
    }
    try {
      sleeper.sleep(Duration.ofNanos(wait));
    } catch (InterruptedException e) {
      giveBack();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a rate-limit permit");
    }
  }

  /** Takes a permit now and returns the nanoTime instant from which it may be used. */
  synchronized long reserve() {
    long now = nanoTime.getAsLong();
    fullAt = Math.max(fullAt, now) + intervalNanos;
    return Math.max(now, fullAt - burstNanos);
  }

  /** Permits that could be taken right now without waiting (negative: reservations queued). */
  synchronized double availablePermits() {
    long now = nanoTime.getAsLong();
    return (burstNanos - Math.max(0, fullAt - now)) / (double) intervalNanos;
  }

  private synchronized void giveBack() {
    fullAt -= intervalNanos;
  }
}
