package taplever.http.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import taplever.config.Credentials;
import taplever.config.Secret;
import taplever.error.LeverApiException;
import taplever.http.FakeTime;

class TokenEndpointTest {
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

  private TokenEndpoint endpoint(String url) {
    return new TokenEndpoint(new Credentials.OAuth("client-1", Secret.of("cs-1"), Secret.of("rt-0"),
        url), new OkHttpClient(), time);
  }

  private TokenEndpoint endpoint() {
    return endpoint(server.url("/oauth/token").toString());
  }

  private LeverApiException refreshFails() {
    return assertThrows(LeverApiException.class, () -> endpoint().refresh(Secret.of("rt-5")));
  }

  @Test
  void postsTheRefreshGrantAsAForm() throws Exception {
    assertEquals("at-1", endpoint().refresh(Secret.of("rt-5")).get("access_token").asText());
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertTrue(request.getHeaders().get("Content-Type").startsWith(
        "application/x-www-form-urlencoded"));
    assertEquals(Map.of("grant_type", "refresh_token", "client_id", "client-1",
        "client_secret", "cs-1", "refresh_token", "rt-5"), lever.tokenForms.get(0));
  }

  @Test
  void invalidClientSaysToCheckTheApp() {
    lever.tokenAnswers.add(new MockResponse.Builder().code(401)
        .body("{\"error\":\"invalid_client\"}").build());
    LeverApiException e = refreshFails();
    assertEquals(401, e.status());
    assertEquals("/oauth/token", e.endpoint());
    assertEquals("Lever rejected the OAuth credentials (invalid_client): check client_id and"
        + " client_secret in the config, then run 'tap-lever login'", e.getMessage());
  }

  @Test
  void otherErrorsRepeatOnlyAStandardErrorCode() {
    lever.tokenAnswers.add(new MockResponse.Builder().code(400)
        .body("{\"error\":\"invalid_request\",\"error_description\":\"echo rt-5\"}").build());
    assertEquals("Lever's token endpoint answered 400 (invalid_request) when refreshing the OAuth"
        + " token", refreshFails().getMessage());
    lever.tokenAnswers.add(new MockResponse.Builder().code(500).body("{\"error\":\"rt-5\"}")
        .build());
    assertEquals("Lever's token endpoint answered 500 when refreshing the OAuth token",
        refreshFails().getMessage());
  }

  @Test
  void a503Or429IsRetriedWithGrowingWaits() {
    lever.tokenAnswers.add(new MockResponse.Builder().code(503).build());
    lever.tokenAnswers.add(new MockResponse.Builder().code(429).build());
    assertEquals("at-3", endpoint().refresh(Secret.of("rt-5")).get("access_token").asText());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), time.sleeps());
  }

  @Test
  void anUnreachableEndpointIsRetriedThenReported() throws IOException {
    MockWebServer gone = new MockWebServer();
    gone.start();
    String url = gone.url("/oauth/token").toString();
    gone.close();
    LeverApiException e = assertThrows(LeverApiException.class,
        () -> endpoint(url).refresh(Secret.of("rt-5")));
    assertEquals(0, e.status());
    assertEquals("could not reach Lever's token endpoint to refresh the OAuth token:"
        + " ConnectException", e.getMessage());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
        time.sleeps());
  }

  @Test
  void aRequestThatMayHaveReachedLeverIsNeverResent() {
    lever.tokenAnswers.add(new MockResponse.Builder()
        .onResponseStart(new SocketEffect.CloseSocket()).build());
    LeverApiException e = refreshFails();
    assertEquals(0, e.status());
    assertTrue(e.getMessage().contains("not resent"), e.getMessage());
    assertEquals(1, lever.tokenForms.size());
  }

  @Test
  void anInterruptedWaitIsRecognisable() {
    lever.tokenAnswers.add(new MockResponse.Builder().code(503).build());
    TokenEndpoint endpoint = new TokenEndpoint(new Credentials.OAuth("c", Secret.of("s"),
        Secret.of("r"), server.url("/oauth/token").toString()), new OkHttpClient(), d -> {
          throw new InterruptedException();
        });
    LeverApiException e = assertThrows(LeverApiException.class,
        () -> endpoint.refresh(Secret.of("r")));
    assertTrue(Thread.interrupted());
    assertTrue(e.getCause() instanceof java.io.InterruptedIOException);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectIsAnErrorAndTheSecretsAreNeverPostedElsewhere(int status) throws IOException {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      String target = elsewhere.url("/collect").newBuilder().username("user").password("pw-9")
          .addQueryParameter("k", "QUERY-9").build().toString();
      lever.tokenAnswers.add(new MockResponse.Builder().code(status).addHeader("Location", target)
          .build());

      LeverApiException e = refreshFails();

      assertEquals(0, elsewhere.getRequestCount(), "cs-1 and rt-5 stayed home");
      assertEquals(status, e.status());
      assertEquals("/oauth/token", e.endpoint());
      assertEquals("Lever's token endpoint answered " + status + " redirecting the OAuth token"
          + " refresh to http://" + elsewhere.getHostName() + ":" + elsewhere.getPort()
          + "/collect; the tap does not follow redirects with OAuth credentials. Check"
          + " 'token_url' in the config", e.getMessage());
      assertEquals(1, lever.tokenForms.size(), "not retried either");
    }
  }
}
