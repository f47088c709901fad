package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import taplever.config.TapConfig;
import taplever.http.oauth.FakeOAuthServer;
import taplever.http.oauth.TokenStore;
import taplever.testing.TestConfigs;

class RateLimitInterceptorTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime(false);
  private final TokenBucket bucket = new TokenBucket(10, 100, time, time);

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OkHttpClient client(TapConfig config) {
    return LeverHttp.client(config, TokenStore.NONE, HttpObserver.NONE, time.runtime(() -> 0.0),
        bucket);
  }

  private int get(OkHttpClient client) throws IOException {
    try (Response response = client.newCall(
        new Request.Builder().url(server.url("/v1/opportunities")).build()).execute()) {
      return response.code();
    }
  }

  private static MockResponse answer(int code) {
    return new MockResponse.Builder().code(code).body("{\"data\":[]}").build();
  }

  @Test
  void takesOnePermitPerRequest() throws IOException {
    server.enqueue(answer(200));
    get(client(TestConfigs.apiKey(server.url("/v1").toString(), "k")));
    assertEquals(99.0, bucket.availablePermits(), 1e-9);
  }

  @Test
  void everyRetryTakesAPermit() {
    server.enqueue(answer(503));
    server.enqueue(answer(500));
    server.enqueue(answer(200));
    String base = server.url("/v1").toString();
    LeverClient lever = new LeverClient(client(TestConfigs.apiKey(base, "k")), base, 100,
        "API key", time.runtime(() -> 0.0), java.time.Duration.ofMinutes(5), HttpObserver.NONE);
    lever.fetch(LeverRequest.of("/opportunities"), java.util.Optional.empty());
    assertEquals(3, server.getRequestCount());
    assertEquals(97.0, bucket.availablePermits(), 1e-9);
  }

  @Test
  void redirectsTakeAPermitPerHop() throws IOException {
    server.enqueue(new MockResponse.Builder().code(302)
        .addHeader("Location", server.url("/v1/elsewhere").toString()).build());
    server.enqueue(answer(200));
    assertEquals(200, get(client(TestConfigs.apiKey(server.url("/v1").toString(), "k"))));
    assertEquals(98.0, bucket.availablePermits(), 1e-9);
  }

  @Test
  void theRequestSentAgainAfterA401TakesAPermit() throws IOException {
    FakeOAuthServer lever = new FakeOAuthServer();
    lever.accepts = token -> !token.equals("at-1");
    server.setDispatcher(lever);
    TapConfig config = TestConfigs.oauth(server.url("/v1").toString(),
        server.url("/oauth/token").toString(), "cs", "rt-0");
    assertEquals(200, get(client(config)));
    assertEquals(List.of("refresh with rt-0", "api at-1", "refresh with rt-1", "api at-2"),
        lever.events);
    // Two API requests; the token endpoint is another host's budget and is not counted.
    assertEquals(98.0, bucket.availablePermits(), 1e-9);
  }

  @Test
  void aFullBucketMakesTheNextRequestWait() throws IOException {
    TokenBucket small = new TokenBucket(10, 1, time, time);
    OkHttpClient client = new OkHttpClient.Builder()
        .addNetworkInterceptor(new RateLimitInterceptor(small)).build();
    server.enqueue(answer(200));
    server.enqueue(answer(200));
    get(client);
    get(client);
    assertEquals(List.of(Duration.ofMillis(100)), time.sleeps());
  }
}
