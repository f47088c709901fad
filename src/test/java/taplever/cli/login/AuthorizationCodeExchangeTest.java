package taplever.cli.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import taplever.config.Credentials;
import taplever.config.Secret;
import taplever.error.LeverApiException;

class AuthorizationCodeExchangeTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AuthorizationCodeExchange.Grant exchange() {
    Credentials.OAuth creds = new Credentials.OAuth("client-1", Secret.of("cs-1"), Secret.of(""),
        server.url("/oauth/token").toString());
    return new AuthorizationCodeExchange(creds, new OkHttpClient(), "tap-lever/test")
        .exchange("code-1", "http://127.0.0.1:8765/callback");
  }

  private void answer(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).body(body).build());
  }

  private LeverApiException fails() {
    return assertThrows(LeverApiException.class, this::exchange);
  }

  @Test
  void postsTheCodeGrantAsAFormAndKeepsTheRefreshToken() throws Exception {
    answer(200, "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"token_type\":\"Bearer\","
        + "\"scope\":\"offline_access users:read:admin\",\"expires_in\":3600}");
    AuthorizationCodeExchange.Grant grant = exchange();
    assertEquals("rt-1", grant.refreshToken().reveal());
    assertEquals("offline_access users:read:admin", grant.scope());
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertTrue(request.getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"));
    assertEquals("tap-lever/test", request.getHeaders().get("User-Agent"));
    assertEquals("grant_type=authorization_code&client_id=client-1&client_secret=cs-1&code=code-1"
        + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback", request.getBody().utf8());
  }

  @Test
  void anErrorNamesOnlyAStandardCode() {
    answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"code code-1 is used\"}");
    LeverApiException e = fails();
    assertEquals(400, e.status());
    assertEquals("/oauth/token", e.endpoint());
    assertTrue(e.getMessage().startsWith("Lever refused the authorization code (invalid_grant)"),
        e.getMessage());
    assertFalse(e.getMessage().contains("code-1"));

    answer(500, "{\"error\":\"cs-1 code-1\"}");
    assertEquals("Lever refused the authorization code (HTTP 500)", fails().getMessage());
    answer(200, "{\"error\":\"access_denied\"}");
    assertEquals("Lever refused the authorization code (access_denied)", fails().getMessage());
    answer(502, "<html>bad gateway</html>");
    assertEquals(502, fails().status());
  }

  @Test
  void noRefreshTokenAsksAboutOfflineAccess() {
    answer(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    assertTrue(fails().getMessage().contains("did the scopes include offline_access?"));
  }

  @Test
  void aNetworkFailureIsNotRetried() {
    server.close();
    LeverApiException e = fails();
    assertEquals(0, e.status());
    assertTrue(e.getMessage().startsWith("could not redeem the authorization code"), e.getMessage());
  }

  @Test
  void aRedirectIsAnErrorAndTheCodeAndSecretAreNeverPostedElsewhere() throws IOException {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      String target = elsewhere.url("/collect?k=QUERY-9").newBuilder().username("user")
          .password("pw-9").build().toString();
      server.enqueue(new MockResponse.Builder().code(308).addHeader("Location", target).build());

      LeverApiException e = fails();

      assertEquals(0, elsewhere.getRequestCount(), "cs-1 and code-1 stayed home");
      assertEquals(308, e.status());
      assertTrue(e.getMessage().startsWith("Lever's token endpoint answered 308 redirecting the"
          + " authorization code to http://" + elsewhere.getHostName() + ":" + elsewhere.getPort()
          + "/collect;"), e.getMessage());
      assertFalse(e.getMessage().contains("QUERY-9") || e.getMessage().contains("pw-9")
          || e.getMessage().contains("user"), e.getMessage());
    }
  }
}
