package taplever.http.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import taplever.config.Credentials;
import taplever.config.Secret;
import taplever.http.FakeTime;

class OAuthTokenInterceptorTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeOAuthServer lever = new FakeOAuthServer();
  private final FakeTime time = new FakeTime();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(lever);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OkHttpClient client() {
    OAuthSession session = new OAuthSession(new Credentials.OAuth("c", Secret.of("s"),
        Secret.of("rt-0"), server.url("/oauth/token").toString()), new OkHttpClient(),
        TokenStore.NONE, time.clock(), time);
    return new OkHttpClient.Builder().addNetworkInterceptor(new OAuthTokenInterceptor(session))
        .build();
  }

  @Test
  void sendsTheCurrentAccessTokenAsABearer() throws Exception {
    client().newCall(new Request.Builder().url(server.url("/v1/users")).build()).execute().close();
    server.takeRequest(); // the refresh
    assertEquals("Bearer at-1", server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void aRedirectToAnotherOriginGetsNoToken() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      other.enqueue(new MockResponse.Builder().body("{}").build());
      lever.accepts = token -> true;
      MockWebServer redirecting = new MockWebServer();
      redirecting.start();
      redirecting.enqueue(new MockResponse.Builder().code(302)
          .addHeader("Location", other.url("/v1/users").toString()).build());
      client().newCall(new Request.Builder().url(redirecting.url("/v1/users")).build()).execute()
          .close();
      RecordedRequest first = redirecting.takeRequest();
      assertEquals("Bearer at-1", first.getHeaders().get("Authorization"));
      assertNull(other.takeRequest().getHeaders().get("Authorization"));
      redirecting.close();
    }
  }
}
