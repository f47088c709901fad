package taplever.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Lever API on 127.0.0.1 for tests and benchmarks: the data API under {@code /v1}, the OAuth
 * token endpoint and an auto-consenting {@code /authorize}. Built on the JDK's {@code HttpServer}
 * with a fixed pool of 8 threads; it shares no code with the tap, so it cannot share the tap's
 * bugs.
 *
 * <p>Served (GET only): {@code /opportunities} (and {@code /candidates}), {@code /:id}, {@code
 * /:id/<child>} for applications, offers, referrals, resumes, feedback, notes, interviews, panels,
 * forms, files; {@code /opportunities/deleted}; {@code /contacts/:id}; {@code /postings}, {@code
 * /postings/deleted} (switchable); {@code /eeo/responses/pii}; {@code /requisitions}, {@code
 * /requisition_fields}, {@code /users}, {@code /stages}, {@code /archive_reasons}, {@code
 * /sources}, {@code /tags}, {@code /feedback_templates}, {@code /form_templates}, {@code
 * /audit_events}. Scopes per endpoint: {@link EndpointScopes}.
 *
 * <pre>{@code
 * try (FakeLever lever = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(1_000))) {
 *     // point the tap at lever.baseUrl() with api key "fake-api-key", compare with lever.dataset()
 * }
 * }</pre>
 */
public final class FakeLever implements AutoCloseable {
  private static final int THREADS = 8;

  /**
   * The JDK server writes headers and body in two small writes; with Nagle's algorithm on, the body
   * then waits for the client's delayed ACK, about 40 ms per response (measured: 45 ms vs 3 ms per
   * request). The JDK reads this switch once, when its server classes initialise, so it is set
   * before the first server is created, unless the JVM was started with a value of its own.
   */
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private static final int LOG_CAPACITY = 100_000;
  private final HttpServer server;
  private final ExecutorService executor;
  private final FakeDataset dataset;
  private final FakeRouter router;
  private final IssuedTokens tokens;
  private final RequestLog log;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FakeLever(FakeLeverOptions options) throws IOException {
    this.dataset = FakeDataset.generate(options);
    this.log = new RequestLog(LOG_CAPACITY);
    this.tokens = new IssuedTokens(options);
    FakeRateLimiter limiter =
        new FakeRateLimiter(
            options.rateLimit() ? options.requestsPerSecond() : 1,
            options.rateLimit() ? options.burst() : 1,
            System::nanoTime);
    this.router =
        new FakeRouter(dataset, new RequestAuthenticator(options, tokens), limiter, log, options);
    OAuthEndpoints oauth = new OAuthEndpoints(tokens, log, dataset.mapper());
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "fake-lever-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    System.getProperties().putIfAbsent(NO_DELAY, "true");
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.port()), 256);
    server.createContext("/v1", router);
    server.createContext("/oauth/token", oauth::token);
    server.createContext("/authorize", oauth::authorize);
    server.createContext(
        "/",
        exchange -> {
          log.add(exchange.getRequestMethod(), exchange.getRequestURI());
          HttpResponses.send(
              exchange,
              404,
              dataset
                  .mapper()
                  .writeValueAsBytes(
                      ApiError.notFound("Resource not found: " + exchange.getRequestURI().getPath())
                          .body()));
        });
    server.setExecutor(executor);
    server.start();
  }

  /** Generates the dataset and starts listening. */
  public static FakeLever start(FakeLeverOptions options) throws IOException {
    return new FakeLever(options);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>/v1} */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  public String tokenUrl() {
    return "http://127.0.0.1:" + port() + "/oauth/token";
  }

  public String authorizeUrl() {
    return "http://127.0.0.1:" + port() + "/authorize";
  }

  /** The live ground truth; its mutation methods change what the server answers. */
  public FakeDataset dataset() {
    return dataset;
  }

  /**
   * Data-API ({@code /v1}) requests answered with anything but 429 (errors and injected faults
   * included).
   */
  public long requestCount() {
    return router.requestCount();
  }

  /** Data-API requests answered 429. */
  public long rateLimitedCount() {
    return router.rateLimitedCount();
  }

  /**
   * The last 100k requests (all paths), oldest first, as {@code "GET /v1/opportunities?limit=100"}.
   */
  public List<String> requestLog() {
    return log.snapshot();
  }

  /** The most recently issued refresh token (the start one until the first refresh). */
  public String currentRefreshToken() {
    return tokens.currentRefreshToken();
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
