package taplever.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import taplever.error.LeverApiException;

/**
 * Fetches one page of a Lever list. Every failure becomes a {@link LeverApiException} (see
 * {@link LeverErrorMapper}); an interruption keeps its {@code InterruptedIOException} as the
 * cause. Thread-safe; share one per run.
 */
public final class LeverClient implements AutoCloseable {
  private final OkHttpClient client;
  private final HttpUrl baseUrl;
  private final int pageSize;
  private final ObjectMapper mapper;
  private final LeverErrorMapper errors;
  private final LongSupplier nanoTime;
  private final Logger log;

  /**
   * @param baseUrl the API root, e.g. {@code https://api.lever.co/v1}
   * @param credentialsMode {@code Credentials.mode()}, named when Lever answers 401
   * @param nanoTime the retry interceptor's clock, to say how long retrying went on
   */
  LeverClient(OkHttpClient client, String baseUrl, int pageSize, ObjectMapper mapper,
      String credentialsMode, LongSupplier nanoTime, Logger log) {
    this.log = log;
    this.client = client;
    this.baseUrl = HttpUrl.get(baseUrl);
    this.pageSize = pageSize;
    this.mapper = mapper;
    this.errors = new LeverErrorMapper(mapper, credentialsMode);
    this.nanoTime = nanoTime;
  }

  /** The page at {@code offset} (empty: the first page); the offset is Lever's token verbatim. */
  public Page fetch(LeverRequest request, Optional<String> offset) {
    String endpoint = request.endpoint();
    Request http = new Request.Builder()
        .url(url(request, offset))
        .tag(EndpointTag.class, new EndpointTag(endpoint))
        .build();
    long started = nanoTime.getAsLong();
    Call call = client.newCall(http);
    int status;
    byte[] body;
    try (Response response = call.execute()) {
      status = response.code();
      body = response.body().bytes();
    } catch (IOException e) {
      throw errors.forIo(endpoint, call.isCanceled() ? canceled(e) : e, secondsSince(started));
    }
    if (status < 200 || status > 299) {
      throw errors.forStatus(endpoint, status, body, secondsSince(started));
    }
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (IOException e) {
      throw new LeverApiException(status, endpoint, "Lever answered " + endpoint
          + " with a body that is not JSON");
    }
    return Page.parse(root, endpoint, log);
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
    return TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong() - started);
  }
}
