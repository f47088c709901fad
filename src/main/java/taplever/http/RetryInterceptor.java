package taplever.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;

/**
 * Retries one logical GET until it gets an answer worth returning or runs out of time. An
 * application interceptor, so it may call {@code proceed} again; everything inside it (auth
 * follow-ups, redirects, the rate limiter) happens once per attempt.
 *
 * <p>Retried: 408, 429 and 5xx answers and network failures before the answer's headers. The
 * body is not read here: {@link LeverClient} streams it straight into the parser, and a 2xx body
 * that is cut short or is not the JSON it should be is fetched again there, with the same
 * {@link Backoff} (buffering every page here cost a copy and about 140 kB of garbage per page).
 * Waits honour
 * {@code Retry-After} (seconds or an HTTP date), otherwise exponential backoff with full jitter,
 * base 1 s, cap 30 s. The loop is bounded by elapsed time: when the next wait would pass the
 * deadline it returns the last answer, or rethrows the last exception, and the caller turns that
 * into an error.
 */
public final class RetryInterceptor implements Interceptor {
  /** A backstop for a server that keeps answering "Retry-After: 0"; time is the real bound. */
  static final int MAX_ATTEMPTS = 100;

  private final Duration maxRetry;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final LongSupplier nanoTime;
  private final HttpObserver observer;
  private final Logger log;

  public RetryInterceptor(Duration maxRetry, Sleeper sleeper, DoubleSupplier random,
      LongSupplier nanoTime, HttpObserver observer, Logger log) {
    this.maxRetry = maxRetry;
    this.sleeper = sleeper;
    this.backoff = Backoff.of(random);
    this.nanoTime = nanoTime;
    this.observer = observer;
    this.log = log;
  }

  public RetryInterceptor(Duration maxRetry, TapRuntime runtime, HttpObserver observer) {
    this(maxRetry, runtime.sleeper(), runtime.random(), runtime.nanoTime(), observer,
        runtime.log("tap-lever.http"));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!"GET".equals(request.method())) {
      return chain.proceed(request);
    }
    String endpoint = EndpointTag.of(request);
    long deadline = RetryDeadline.earliest(request, nanoTime.getAsLong() + maxRetry.toNanos());
    for (int attempt = 1; ; attempt++) {
      Response response = null;
      IOException failure = null;
      try {
        response = attempt(chain, request, endpoint);
        if (!isRetryable(response.code())) {
          return response;
        }
      } catch (IOException e) {
        if (isInterruption(e, chain)) {
          throw e;
        }
        failure = e;
      }
      Duration wait = response != null ? waitAfter(response, attempt) : backoff(attempt);
      if (attempt >= MAX_ATTEMPTS || nanoTime.getAsLong() + wait.toNanos() > deadline) {
        if (failure != null) {
          throw failure;
        }
        return response;
      }
      int status = response != null ? response.code() : 0;
      if (response != null) {
        response.close();
      }
      String what =
          response != null ? "Lever answered " + status : failure.getClass().getSimpleName();
      // The path only: the query can hold an offset token, and headers hold credentials.
      log.warn("{} for {}; retry {} in {} ms", what, request.url().encodedPath(), attempt,
          wait.toMillis());
      observer.onRetry(endpoint, status, wait);
      pause(wait);
      if (chain.call().isCanceled()) {
        throw new InterruptedIOException("the call was canceled while waiting to retry");
      }
    }
  }

  /** One try; its duration is the time to the answer's headers, as Singer's SDK reports it. */
  private Response attempt(Chain chain, Request request, String endpoint) throws IOException {
    long started = nanoTime.getAsLong();
    Response response = chain.proceed(request);
    observer.onResponse(endpoint, response.code(), nanoTime.getAsLong() - started);
    return response;
  }

  static boolean isRetryable(int status) {
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
  }

  /** A timeout is a network failure to retry; any other interruption means "stop now". */
  private static boolean isInterruption(IOException e, Chain chain) {
    return (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException))
        || Thread.currentThread().isInterrupted()
        || chain.call().isCanceled();
  }

  private Duration waitAfter(Response response, int attempt) {
    return RetryAfter.of(response).orElseGet(() -> backoff(attempt));
  }

  Duration backoff(int attempt) {
    return backoff.wait(attempt);
  }

  private void pause(Duration wait) throws InterruptedIOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
