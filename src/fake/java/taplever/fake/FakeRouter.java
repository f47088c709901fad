package taplever.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code /v1} data API. Every request goes through the same fixed pipeline, in this order: log,
 * method check, authentication, rate limit, latency, fault injection, then the endpoint itself
 * ({@link ListEndpoints}, which checks scopes and add-ons before reading anything).
 */
final class FakeRouter implements HttpHandler {
  private final ListEndpoints endpoints;
  private final RequestAuthenticator authenticator;
  private final FakeRateLimiter limiter;
  private final FaultInjector faults;
  private final RequestLog log;
  private final ObjectMapper mapper;
  private final FakeLeverOptions options;
  private final AtomicLong served = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();

  FakeRouter(
      FakeDataset data,
      RequestAuthenticator authenticator,
      FakeRateLimiter limiter,
      RequestLog log,
      FakeLeverOptions options) {
    this.endpoints = new ListEndpoints(data, options);
    this.authenticator = authenticator;
    this.limiter = limiter;
    this.faults = new FaultInjector(options.faultEvery());
    this.log = log;
    this.mapper = data.mapper();
    this.options = options;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String method = exchange.getRequestMethod();
    log.add(method, uri);
    try {
      exchange.getRequestBody().readAllBytes();
      if (!"GET".equals(method)) {
        served.incrementAndGet();
        exchange.getResponseHeaders().set("Allow", "GET");
        throw new ApiError(405, "MethodNotAllowed", method + " is not supported by this fake");
      }
      Credential credential;
      try {
        credential =
            authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      } catch (ApiError e) {
        served.incrementAndGet();
        throw e;
      }
      if (options.rateLimit() && !limiter.tryAcquire(credential.bucket())) {
        rateLimited.incrementAndGet();
        if (options.retryAfterHeader()) {
          exchange
              .getResponseHeaders()
              .set("Retry-After", Long.toString(limiter.retryAfterSeconds()));
        }
        throw new ApiError(
            429, "TooManyRequests", "Rate limit exceeded; retry with exponential backoff");
      }
      served.incrementAndGet();
      pause();
      FaultInjector.Fault fault =
          faults.next(
              credential.bucket()
                  + " "
                  + method
                  + " "
                  + uri.getRawPath()
                  + "?"
                  + uri.getRawQuery());
      switch (fault.kind()) {
        case SERVER_ERROR ->
            throw new ApiError(
                fault.status(),
                fault.status() == 503 ? "ServiceUnavailable" : "InternalServerError",
                "Injected fault: please retry your request with exponential backoff");
        case DROP -> HttpResponses.drop();
        default -> {}
      }
      String subPath = uri.getPath().substring("/v1".length());
      byte[] body =
          endpoints.get(subPath, ListQuery.parse(uri.getPath(), uri.getRawQuery()), credential);
      if (fault.kind() == FaultInjector.Kind.TRUNCATED) {
        HttpResponses.sendTruncated(exchange, body);
      } else {
        HttpResponses.send(exchange, 200, body);
      }
    } catch (ApiError e) {
      HttpResponses.send(exchange, e.status(), mapper.writeValueAsBytes(e.body()));
    } catch (RuntimeException e) {
      HttpResponses.send(
          exchange,
          500,
          mapper.writeValueAsBytes(
              Nodes.object().put("code", "InternalError").put("message", "fake Lever bug: " + e)));
    }
  }

  private void pause() {
    if (options.latencyMs() > 0) {
      try {
        Thread.sleep(options.latencyMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  long requestCount() {
    return served.get();
  }

  long rateLimitedCount() {
    return rateLimited.get();
  }
}
