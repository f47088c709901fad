package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import taplever.config.TapConfig;
import taplever.http.oauth.OAuthAuthenticator;
import taplever.http.oauth.OAuthTokenInterceptor;
import taplever.http.oauth.TokenStore;
import taplever.testing.TestConfigs;

class LeverHttpTest {
  private final FakeTime time = new FakeTime();

  private OkHttpClient client(TapConfig config) {
    return LeverHttp.client(config, TokenStore.NONE, HttpObserver.NONE, time.runtime(() -> 0.5));
  }

  private static List<Class<?>> classes(List<Interceptor> interceptors) {
    return interceptors.stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void apiKeyClientHasTheUserAgentOutsideAndRateLimitThenAuthOnTheNetwork() {
    // Retrying is the client's RetryPolicy, around this whole chain (RetryPolicyTest).
    OkHttpClient client = client(TestConfigs.apiKey("https://api.lever.co/v1", "k"));
    assertEquals(List.of(UserAgentInterceptor.class),
        classes(client.interceptors()));
    assertEquals(List.of(RateLimitInterceptor.class, ApiKeyInterceptor.class),
        classes(client.networkInterceptors()));
    assertTrue(client.followRedirects());
    assertEquals(5000, client.connectTimeoutMillis());
    assertEquals(5000, client.readTimeoutMillis());
  }

  @Test
  void oauthClientAddsTheBearerOnTheNetworkAndAnAuthenticator() {
    OkHttpClient client = client(TestConfigs.oauth("https://api.lever.co/v1",
        "https://auth.lever.co/oauth/token", "cs", "rt"));
    assertEquals(List.of(RateLimitInterceptor.class, OAuthTokenInterceptor.class),
        classes(client.networkInterceptors()));
    assertInstanceOf(OAuthAuthenticator.class, client.authenticator());
  }

  @Test
  void maxConcurrencyBlockingCallsRunAtTheSameTime() throws Exception {
    int concurrency = 16;
    CountDownLatch allArrived = new CountDownLatch(concurrency);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          allArrived.countDown();
          allArrived.await(5, TimeUnit.SECONDS);
          return new MockResponse.Builder().body("{\"data\":[]}").build();
        }
      });
      server.start();
      TapConfig config = TestConfigs.parse("{\"api_key\": \"k\", \"base_url\": \""
          + server.url("/v1") + "\", \"max_concurrency\": " + concurrency + "}");
      LeverClient client = LeverHttp.create(config, TokenStore.NONE, HttpObserver.NONE,
          time.runtime(() -> 0.5));
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      List<Future<Page>> pages = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        pages.add(pool.submit(() -> client.fetch(LeverRequest.of("/users"), Optional.empty())));
      }
      for (Future<Page> page : pages) {
        page.get(10, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(0, allArrived.getCount(), "all calls were in flight together");
    }
  }
}
