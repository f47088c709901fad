package taplever.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import taplever.error.LeverApiException;
import taplever.runtime.Sleeper;
import taplever.runtime.TapRuntime;

/**
 * The one retry loop of every read: a 408, 429 or 5xx answer, a network failure before the
 * answer, a body that breaks mid-stream and a malformed page are all waited out the same way, with
 * one log line per wait. Waits honour {@code Retry-After}, otherwise exponential backoff with full
 * jitter ({@link Backoff}); the loop is bounded by {@code max_retry} of elapsed time (and a count,
 * as a backstop for a server that keeps answering "Retry-After: 0"), after which the last failure
 * becomes the run's error. Only idempotent GETs come here. Thread-safe.
 */
final class RetryPolicy {
  /** A backstop for a server that keeps answering "Retry-After: 0"; time is the real bound. */
  static final int MAX_ATTEMPTS = 100;

  private final Duration maxRetry;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final LongSupplier nanoTime;
  private final HttpObserver observer;
  private final Logger log;

  RetryPolicy(Duration maxRetry, TapRuntime runtime, HttpObserver observer) {
    this.maxRetry = maxRetry;
    this.sleeper = runtime.sleeper();
    this.backoff = Backoff.of(runtime.random());
    this.nanoTime = runtime.nanoTime();
    this.observer = observer;
    this.log = runtime.log("tap-lever.http");
  }

  static boolean isRetryable(int status) {
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
  }

  /** One try at a read, which either answers or says why it is worth trying again. */
  @FunctionalInterface
  interface Attempt<T> {
    T run() throws Retryable;
  }

  /**
   * A failed try that may succeed later.
   *
   * @param status Lever's answer, or 0 when there was none worth reading (network, body)
   * @param what the failure in a few words, for the log line
   * @param retryAfter the wait Lever asked for, if it did
   * @param giveUp the run's error if no more tries are allowed, given the seconds spent
   */
  static final class Retryable extends Exception {
    private final int status;
    private final transient Optional<Duration> retryAfter;
    private final transient LongFunction<LeverApiException> giveUp;

    Retryable(int status, String what, Optional<Duration> retryAfter,
        LongFunction<LeverApiException> giveUp) {
      super(what, null, false, false);
      this.status = status;
      this.retryAfter = retryAfter;
      this.giveUp = giveUp;
    }
  }

  /**
   * Runs {@code attempt} until it answers, at most {@code maxTries} times and within
   * {@code max_retry}; then throws the last failure's error.
   *
   * @param interrupted the error for a wait cut short by the run stopping
   */
  <T> T run(String endpoint, int maxTries, Attempt<T> attempt,
      Supplier<LeverApiException> interrupted) {
    long started = nanoTime.getAsLong();
    long deadline = started + maxRetry.toNanos();
    int tries = Math.min(maxTries, MAX_ATTEMPTS);
    for (int n = 1; ; n++) {
      try {
        return attempt.run();
      } catch (Retryable r) {
        Duration wait = r.retryAfter.isPresent() ? r.retryAfter.get() : backoff.wait(n);
        if (n >= tries || nanoTime.getAsLong() + wait.toNanos() > deadline) {
          throw r.giveUp.apply(TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong() - started));
        }
        log.warn("{} for {}; retry {} in {} ms", r.getMessage(), endpoint, n, wait.toMillis());
        observer.onRetry(endpoint, r.status, wait);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw interrupted.get();
        }
      }
    }
  }
}
