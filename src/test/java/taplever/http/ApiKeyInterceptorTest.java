package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import taplever.config.Secret;

class ApiKeyInterceptorTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OkHttpClient client(String key) {
    return new OkHttpClient.Builder()
        .addNetworkInterceptor(new ApiKeyInterceptor(Secret.of(key))).build();
  }

  @Test
  void sendsBasicAuthWithTheKeyAsUserNameAndAnEmptyPassword() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    client("sk-test").newCall(new Request.Builder().url(server.url("/v1/tags")).build())
        .execute().close();
    assertEquals("Basic c2stdGVzdDo=", server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void resendsTheKeyAfterASameOriginRedirectButNotToAnotherOrigin() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      other.enqueue(new MockResponse.Builder().body("{}").build());
      server.enqueue(new MockResponse.Builder().code(301)
          .addHeader("Location", server.url("/v1/moved").toString()).build());
      server.enqueue(new MockResponse.Builder().code(307)
          .addHeader("Location", other.url("/v1/tags").toString()).build());
      client("sk-test").newCall(new Request.Builder().url(server.url("/v1/tags")).build())
          .execute().close();
      server.takeRequest();
      assertEquals("Basic c2stdGVzdDo=", server.takeRequest().getHeaders().get("Authorization"));
      assertNull(other.takeRequest().getHeaders().get("Authorization"));
    }
  }

  @Test
  void doesNotShowTheKeyWhenPrinted() {
    assertFalse(new ApiKeyInterceptor(Secret.of("sk-test")).toString().contains("sk-test"));
  }
}
