package taplever.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import taplever.error.LeverApiException;
import taplever.runtime.TapRuntime;

/**
 * Fetches one page of a Lever list and reads it once, streaming its records into the caller's
 * sink. Every failure becomes a {@link LeverApiException} (see {@link LeverErrorMapper}); an
 * interruption keeps its {@code InterruptedIOException} as the cause. What may succeed if asked
 * again (a 408, 429 or 5xx, a network failure, a body cut short, a malformed page) is asked again
 * by the one {@link RetryPolicy}, within {@code max_retry}. Thread-safe; share one per run.
 */
public final class LeverClient implements PageSource, AutoCloseable {
  /** How much of an error answer is kept for its message (Lever's are a few hundred bytes). */
  private static final long ERROR_BODY_LIMIT = 16 * 1024;

  private final OkHttpClient client;
  private final HttpUrl baseUrl;
  private final int pageSize;
  private final ObjectMapper json = LeverJson.pages();
  private final EnvelopeReader envelopes;
  private final LeverErrorMapper errors;
  private final RetryPolicy retries;
  private final LongSupplier nanoTime;
  private final HttpObserver observer;
  private final Set<Call> reading = ConcurrentHashMap.newKeySet();
  private volatile boolean stopped;

  /**
   * @param baseUrl the API root, e.g. {@code https://api.lever.co/v1}
   * @param credentialsMode {@code Credentials.mode()}, named when Lever answers 401
   * @param maxRetry how long one page is retried, whatever goes wrong with it
   */
  LeverClient(OkHttpClient client, String baseUrl, int pageSize, String credentialsMode,
      TapRuntime runtime, Duration maxRetry, HttpObserver observer) {
    this.client = client;
    this.baseUrl = HttpUrl.get(baseUrl);
    this.pageSize = pageSize;
    this.nanoTime = runtime.nanoTime();
    this.observer = observer;
    this.retries = new RetryPolicy(maxRetry, runtime, observer);
    this.envelopes = new EnvelopeReader(json, runtime.log("tap-lever.http"));
    this.errors = new LeverErrorMapper(new ObjectMapper(), credentialsMode);
  }

  @Override
  public <T> Page<T> fetch(LeverRequest request, Optional<String> offset,
      Supplier<RecordSink<T>> sinks) {
    return fetch(request, offset, sinks, RetryPolicy.MAX_ATTEMPTS);
  }

  @Override
  public <T> Page<T> fetchResumed(LeverRequest request, String offset,
      Supplier<RecordSink<T>> sinks) {
    return fetch(request, Optional.of(offset), sinks, RESUME_TRIES);
  }

  private <T> Page<T> fetch(LeverRequest request, Optional<String> offset,
      Supplier<RecordSink<T>> sinks, int tries) {
    String endpoint = request.endpoint();
    return retries.run(endpoint, tries, () -> read(request, offset, sinks.get()),
        () -> errors.forIo(endpoint, new InterruptedIOException("interrupted while waiting to"
            + " read again"), 0));
  }

  private <T> Page<T> read(LeverRequest request, Optional<String> offset, RecordSink<T> sink)
      throws RetryPolicy.Retryable {
    String endpoint = request.endpoint();
    if (stopped) {
      // Stopped while waiting to ask again: the wait ends the read, not a new request.
      throw errors.forIo(endpoint, new InterruptedIOException("the call was canceled"), 0);
    }
    Request http = new Request.Builder()
        .url(url(request, offset))
        .tag(EndpointTag.class, new EndpointTag(endpoint))
        .build();
    Call call = client.newCall(http);
    reading.add(call);
    long sent = nanoTime.getAsLong();
    try (Response response = call.execute()) {
      int status = response.code();
      // Time to the answer's headers, as Singer's SDK reports it; the body streams on.
      observer.onResponse(endpoint, status, nanoTime.getAsLong() - sent);
      if (RetryPolicy.isRetryable(status)) {
        byte[] body = response.peekBody(ERROR_BODY_LIMIT).bytes();
        throw new RetryPolicy.Retryable(status, "Lever answered " + status,
            RetryAfter.of(response), seconds -> errors.forStatus(endpoint, status, body, seconds));
      }
      if (status < 200 || status > 299) {
        throw errors.forStatus(endpoint, status, response.peekBody(ERROR_BODY_LIMIT).bytes(), 0);
      }
      return envelopes.read(response.body().byteStream(), request, sink);
    } catch (IOException e) {
      if (isStopping(e, call)) {
        // The run is stopping (a signal, the target gone), not Lever failing: do not ask again.
        throw errors.forIo(endpoint, canceled(e), 0);
      }
      String what = e instanceof MalformedBodyException ? e.getMessage()
          : e.getClass().getSimpleName();
      throw new RetryPolicy.Retryable(0, what, Optional.empty(),
          seconds -> errors.forIo(endpoint, e, seconds));
    } finally {
      reading.remove(call);
    }
  }

  private static boolean isStopping(IOException e, Call call) {
    return call.isCanceled() || Thread.currentThread().isInterrupted() || Interruption.is(e);
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
    stopped = true;
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

  /** True when {@code e} reports that the run stopped the call (see {@link Interruption}). */
  public static boolean isInterruption(LeverApiException e) {
    return Interruption.is(e.getCause());
  }

  /** {@code Dispatcher.cancelAll()} on a signal stops calls too: report it as an interruption. */
  private static IOException canceled(IOException e) {
    if (Interruption.is(e)) {
      return e;
    }
    InterruptedIOException stopped = new InterruptedIOException("the call was canceled");
    stopped.initCause(e);
    return stopped;
  }
}
