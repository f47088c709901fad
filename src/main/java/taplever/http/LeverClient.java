package taplever.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import taplever.error.LeverApiException;

/**
 * Fetches one page of a Lever list and reads it once, streaming its records into the caller's
 * sink. Every failure becomes a {@link LeverApiException} (see {@link LeverErrorMapper}); an
 * interruption keeps its {@code InterruptedIOException} as the cause. A 2xx body that is cut
 * short or not JSON is fetched again, with the transport's backoff, within {@code max_retry}.
 * Thread-safe; share one per run.
 */
public final class LeverClient implements PageSource, AutoCloseable {
  /** A backstop, as in {@link RetryInterceptor}; elapsed time is the real bound. */
  private static final int MAX_READS = 100;

  private final OkHttpClient client;
  private final HttpUrl baseUrl;
  private final int pageSize;
  private final ObjectMapper json = LeverJson.pages();
  private final EnvelopeReader envelopes;
  private final LeverErrorMapper errors;
  private final TapRuntime runtime;
  private final Duration maxRetry;
  private final Backoff backoff;
  private final HttpObserver observer;
  private final Logger log;
  private final Set<Call> reading = ConcurrentHashMap.newKeySet();

  /**
   * @param baseUrl the API root, e.g. {@code https://api.lever.co/v1}
   * @param credentialsMode {@code Credentials.mode()}, named when Lever answers 401
   * @param maxRetry how long one page is retried, broken bodies and transport retries together
   */
  LeverClient(OkHttpClient client, String baseUrl, int pageSize, String credentialsMode,
      TapRuntime runtime, Duration maxRetry, HttpObserver observer) {
    this.client = client;
    this.baseUrl = HttpUrl.get(baseUrl);
    this.pageSize = pageSize;
    this.runtime = runtime;
    this.maxRetry = maxRetry;
    this.backoff = Backoff.of(runtime.random());
    this.observer = observer;
    this.log = runtime.log("tap-lever.http");
    this.envelopes = new EnvelopeReader(json, log);
    this.errors = new LeverErrorMapper(new ObjectMapper(), credentialsMode);
  }

  @Override
  public <T> Page<T> fetch(LeverRequest request, Optional<String> offset,
      Supplier<RecordSink<T>> sinks) {
    String endpoint = request.endpoint();
    long started = runtime.nanoTime().getAsLong();
    long deadline = started + maxRetry.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        return read(request, offset, sinks.get(), started, deadline);
      } catch (MalformedBodyException e) {
        Duration wait = backoff.wait(attempt);
        if (attempt >= MAX_READS || runtime.nanoTime().getAsLong() + wait.toNanos() > deadline) {
          throw errors.forIo(endpoint, e, secondsSince(started));
        }
        log.warn("{} for {}; retry {} in {} ms", e.getMessage(), endpoint, attempt, wait.toMillis());
        observer.onRetry(endpoint, 0, wait);
        pause(endpoint, wait);
      }
    }
  }

  private <T> Page<T> read(LeverRequest request, Optional<String> offset, RecordSink<T> sink,
      long started, long deadline) throws MalformedBodyException {
    String endpoint = request.endpoint();
    Request http = new Request.Builder()
        .url(url(request, offset))
        .tag(EndpointTag.class, new EndpointTag(endpoint))
        .tag(RetryDeadline.class, new RetryDeadline(deadline))
        .build();
    Call call = client.newCall(http);
    reading.add(call);
    try (Response response = call.execute()) {
      int status = response.code();
      if (status < 200 || status > 299) {
        throw errors.forStatus(endpoint, status, response.body().bytes(), secondsSince(started));
      }
      return envelopes.read(response.body().byteStream(), request.recordsAt(), sink, endpoint);
    } catch (MalformedBodyException e) {
      if (call.isCanceled() || Thread.currentThread().isInterrupted()) {
        // The body stopped because the run is stopping, not because Lever cut it: do not re-read.
        throw errors.forIo(endpoint, canceled(e), secondsSince(started));
      }
      throw e;
    } catch (IOException e) {
      throw errors.forIo(endpoint, call.isCanceled() ? canceled(e) : e, secondsSince(started));
    } finally {
      reading.remove(call);
    }
  }

  private void pause(String endpoint, Duration wait) {
    try {
      runtime.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw errors.forIo(endpoint, new InterruptedIOException("interrupted while waiting to"
          + " read again"), 0);
    }
  }

  /**
   * Base + path, the params in order, {@code limit}, then {@code offset}. HttpUrl encodes each
   * value exactly once, so Lever's already percent-encoded token is sent as Lever expects it; it
   * is never decoded first nor concatenated into the URL.
   */
  HttpUrl url(LeverRequest request, Optional<String> offset) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
    if (!path.isEmpty()) {
      url.addPathSegments(path);
    }
    for (Map.Entry<String, List<String>> param : request.params().entrySet()) {
      for (String value : param.getValue()) {
        url.addQueryParameter(param.getKey(), value);
      }
    }
    if (!request.params().containsKey("limit")) {
      url.addQueryParameter("limit", Integer.toString(pageSize));
    }
    offset.ifPresent(token -> url.addQueryParameter("offset", token));
    return url.build();
  }

  /** Stops every call in flight (a signal, or the target is gone); they fail as interruptions. */
  public void cancelAll() {
    client.dispatcher().cancelAll();
    // The dispatcher forgets a call once its headers are in; its body may still be streaming.
    reading.forEach(Call::cancel);
  }

  /** Releases the client's threads and connections at the end of a run. */
  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /**
   * True when {@code e} reports that the fetching thread was interrupted (the sync is stopping),
   * as opposed to a network timeout, which is also an {@code InterruptedIOException}.
   */
  public static boolean isInterruption(LeverApiException e) {
    return e.getCause() instanceof InterruptedIOException
        && !(e.getCause() instanceof SocketTimeoutException);
  }

  /** {@code Dispatcher.cancelAll()} on a signal stops calls too: report it as an interruption. */
  private static IOException canceled(IOException e) {
    if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
      return e;
    }
    InterruptedIOException stopped = new InterruptedIOException("the call was canceled");
    stopped.initCause(e);
    return stopped;
  }

  private long secondsSince(long started) {
    return TimeUnit.NANOSECONDS.toSeconds(runtime.nanoTime().getAsLong() - started);
  }
}
