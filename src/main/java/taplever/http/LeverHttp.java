package taplever.http;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import taplever.config.Credentials;
import taplever.config.HttpSettings;
import taplever.config.TapConfig;
import taplever.http.oauth.OAuthAuthenticator;
import taplever.http.oauth.OAuthSession;
import taplever.http.oauth.OAuthTokenInterceptor;
import taplever.http.oauth.TokenStore;
import taplever.runtime.TapRuntime;

/**
 * Builds a run's HTTP clients: the API client, and with OAuth the token client, which shares its
 * timeouts and connection pool but none of its interceptors but the User-Agent (the token
 * endpoint takes no bearer token and no rate-limit permit). The interceptor order below is the
 * HTTP policy.
 */
public final class LeverHttp {
  private LeverHttp() {
  }

  /**
   * The client of a run: production and tests build it here, from the same config and runtime,
   * so the wiring under test is the wiring that ships.
   */
  public static LeverClient create(TapConfig config, TokenStore store, HttpObserver observer,
      TapRuntime runtime) {
    OkHttpClient client = client(config, store, observer, runtime);
    HttpSettings http = config.http();
    return new LeverClient(client, http.baseUrl(), http.pageSize(), config.credentials().mode(),
        runtime, http.maxRetry(), observer);
  }

  static OkHttpClient client(TapConfig config, TokenStore store, HttpObserver observer,
      TapRuntime runtime) {
    HttpSettings http = config.http();
    TokenBucket bucket = new TokenBucket(http.requestsPerSecond(), http.burst(), runtime.nanoTime(),
        runtime.sleeper());
    return client(config, store, observer, runtime, bucket);
  }

  /**
   * Application interceptors run once per call, outermost first; network interceptors run once
   * per request that goes on the wire (OkHttp's redirects and authenticator follow-ups included).
   *
   * <ol>
   *   <li>{@link UserAgentInterceptor}. (Retries are not an interceptor: a page's body streams
   *       into the parser after the chain has returned, so {@link LeverClient} asks again through
   *       its {@link RetryPolicy}, which sees statuses, network failures and broken or malformed
   *       pages alike; each attempt runs this whole chain again.)
   *   <li>(OkHttp's own: redirects, the {@link OAuthAuthenticator} on a 401, gzip.)
   *   <li>{@link RateLimitInterceptor}, a network interceptor, so every request Lever sees takes
   *       a permit. It comes before auth so that an OAuth token is read after the wait, not before.
   *   <li>{@link ApiKeyInterceptor} or {@link OAuthTokenInterceptor}, network interceptors too.
   *       OkHttp drops {@code Authorization} when it follows a redirect to another host, and
   *       Lever's EU accounts may be redirected (reference §1); follow-ups made inside OkHttp
   *       never pass through application interceptors again. As network interceptors they put the
   *       credential on every hop, including the retry after a 401 with the refreshed token, but
   *       only on hops that {@link CredentialScope} allows (same origin, or Lever host to Lever
   *       host over https), so a redirect elsewhere never receives the key.
   * </ol>
   */
  static OkHttpClient client(TapConfig config, TokenStore store, HttpObserver observer,
      TapRuntime runtime, TokenBucket bucket) {
    OkHttpClient base = base(config.http());
    String userAgent = config.http().userAgent();
    OkHttpClient.Builder builder = base.newBuilder()
        .addInterceptor(new UserAgentInterceptor(userAgent))
        .addNetworkInterceptor(new RateLimitInterceptor(bucket));
    Credentials credentials = config.credentials();
    if (credentials instanceof Credentials.ApiKey apiKey) {
      builder.addNetworkInterceptor(new ApiKeyInterceptor(apiKey.key()));
    } else if (credentials instanceof Credentials.OAuth oauth) {
      OkHttpClient tokenClient = base.newBuilder()
          .addInterceptor(new UserAgentInterceptor(userAgent))
          .build();
      OAuthSession session =
          new OAuthSession(oauth, tokenClient, store, runtime.clock(), runtime.sleeper());
      builder.addNetworkInterceptor(new OAuthTokenInterceptor(session))
          .authenticator(new OAuthAuthenticator(session));
    }
    return builder.build();
  }

  /**
   * Timeouts, redirects and capacity, shared with the OAuth token client. The sync engine calls
   * the blocking {@code execute()} from its own pool of {@code max_concurrency} threads; the
   * Dispatcher limits only {@code enqueue()} (5 per host by default), but both it and the idle
   * pool are sized for that many calls so nothing is throttled or reconnected needlessly.
   */
  private static OkHttpClient base(HttpSettings http) {
    int concurrency = Math.max(5, http.maxConcurrency());
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(Math.max(64, concurrency));
    dispatcher.setMaxRequestsPerHost(concurrency);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
        .connectTimeout(http.connectTimeout())
        .readTimeout(http.readTimeout())
        .followRedirects(true)
        .followSslRedirects(true)
        .build();
  }
}
