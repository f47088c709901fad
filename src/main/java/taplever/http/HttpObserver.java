package taplever.http;

import java.time.Duration;

/**
 * What the HTTP layer tells the sync engine, for METRIC lines and progress. Called on the request
 * thread; implementations must be thread-safe and quick.
 */
public interface HttpObserver {

  HttpObserver NONE = new HttpObserver() {
    @Override
    public void onResponse(String endpoint, int status, long durationNanos) {
    }

    @Override
    public void onRetry(String endpoint, int status, Duration wait) {
    }
  };

  /** One HTTP answer's headers received (every attempt, retried or not); its body streams on. */
  void onResponse(String endpoint, int status, long durationNanos);

  /**
   * A retry is about to wait {@code wait}. {@code status} is 0 when the attempt failed without a
   * usable answer (network error, or a body that ended early or was not JSON).
   */
  void onRetry(String endpoint, int status, Duration wait);
}
