package taplever.http.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import taplever.http.FakeTime;
import taplever.http.HttpObserver;
import taplever.http.LeverClient;
import taplever.http.LeverHttp;
import taplever.http.LeverRequest;
import taplever.http.Page;
import taplever.testing.TestConfigs;

class OAuthSessionTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeOAuthServer lever = new FakeOAuthServer();
  private final FakeTime time = new FakeTime();
  private final List<String> saved = new ArrayList<>();
  private final TokenStore store = token -> {
    saved.add(token.reveal());
    lever.events.add("saved " + token.reveal());
  };

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(lever);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Credentials.OAuth creds(String tokenUrl) {
    return new Credentials.OAuth("client-1", Secret.of("cs-1"), Secret.of("rt-0"), tokenUrl);
  }

  private OAuthSession session() {
    return new OAuthSession(creds(server.url("/oauth/token").toString()), new OkHttpClient(), store,
        time.clock(), time);
  }

  private LeverClient client() {
    return LeverHttp.create(TestConfigs.oauth(server.url("/v1").toString(),
            server.url("/oauth/token").toString(), "cs-1", "rt-0"), store, HttpObserver.NONE,
        time.runtime(() -> 1.0));
  }

  private static Page<List<ObjectNode>> fetch(LeverClient client) {
    return client.fetch(LeverRequest.of("/opportunities"), Optional.empty());
  }

  @Test
  void refreshPostsTheRefreshGrantAsAForm() throws Exception {
    assertEquals(Secret.of("at-1"), session().accessToken());
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertTrue(request.getHeaders().get("Content-Type").startsWith(
        "application/x-www-form-urlencoded"));
    assertEquals(Map.of("grant_type", "refresh_token", "client_id", "client-1",
        "client_secret", "cs-1", "refresh_token", "rt-0"), lever.tokenForms.get(0));
  }

  @Test
  void theRotatedRefreshTokenIsSavedBeforeTheNewAccessTokenIsUsedAndUsedNext() {
    LeverClient client = client();
    fetch(client);
    time.advance(Duration.ofHours(1));
    fetch(client);
    assertEquals(List.of("refresh with rt-0", "saved rt-1", "api at-1",
        "refresh with rt-1", "saved rt-2", "api at-2"), lever.events);
  }

  @Test
  void anUnrotatedRefreshTokenIsKeptAndNotSaved() {
    lever.rotates = false;
    OAuthSession session = session();
    session.accessToken();
    session.refreshAfterRejection(Secret.of("at-1"));
    assertEquals(List.of(), saved);
    assertEquals("rt-0", lever.tokenForms.get(1).get("refresh_token"));
  }

  @Test
  void aTwoSecondTokenIsRefreshedOneSecondBeforeItExpires() {
    lever.expiresIn = 2;
    OAuthSession session = session();
    assertEquals(Secret.of("at-1"), session.accessToken());
    time.advance(Duration.ofMillis(999));
    assertEquals(Secret.of("at-1"), session.accessToken());
    time.advance(Duration.ofMillis(1));
    assertEquals(Secret.of("at-2"), session.accessToken());
  }

  @Test
  void anHourLongTokenIsRefreshedOneMinuteBeforeItExpires() {
    OAuthSession session = session();
    session.accessToken();
    time.advance(Duration.ofMinutes(59).minusMillis(1));
    assertEquals(Secret.of("at-1"), session.accessToken());
    time.advance(Duration.ofMillis(1));
    assertEquals(Secret.of("at-2"), session.accessToken());
  }

  @Test
  void a401CausesOneRefreshThenTheRequestIsSentAgain() {
    lever.accepts = token -> !token.equals("at-1");
    assertEquals(1, fetch(client()).records().size());
    assertEquals(List.of("refresh with rt-0", "saved rt-1", "api at-1",
        "refresh with rt-1", "saved rt-2", "api at-2"), lever.events);
  }

  @Test
  void aSecond401GivesUp() {
    lever.accepts = token -> false;
    LeverApiException e = assertThrows(LeverApiException.class, () -> fetch(client()));
    assertEquals(401, e.status());
    assertEquals("Lever rejected the credentials (OAuth): check the API key / OAuth app",
        e.getMessage());
    assertEquals(2, lever.tokenForms.size());
    assertEquals(2, lever.apiRequests());
  }

  @Test
  void concurrent401sCauseASingleRefresh() throws Exception {
    lever.accepts = token -> !token.equals("at-1");
    LeverClient client = client();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Page<List<ObjectNode>>>> pages = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pages.add(pool.submit(() -> {
        start.await();
        return fetch(client);
      }));
    }
    start.countDown();
    for (Future<Page<List<ObjectNode>>> page : pages) {
      assertEquals(1, page.get(10, TimeUnit.SECONDS).records().size());
    }
    pool.shutdown();
    assertEquals(2, lever.tokenForms.size(), "the first token, then one refresh");
    assertEquals(List.of("rt-1", "rt-2"), saved);
  }

  @Test
  void invalidGrantSaysToLogInAgain() {
    lever.tokenAnswers.add(new MockResponse.Builder().code(400).body(
        "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\"}")
        .build());
    LeverApiException e = assertThrows(LeverApiException.class, () -> session().accessToken());
    assertEquals(400, e.status());
    assertEquals("/oauth/token", e.endpoint());
    assertEquals("Lever rejected the OAuth credentials (invalid_grant): the refresh token is no"
        + " longer valid (used, expired or revoked); run 'tap-lever login' to get a new refresh"
        + " token", e.getMessage());
  }

  @Test
  void anAnswerWithoutAnAccessTokenIsAnError() {
    lever.tokenAnswers.add(new MockResponse.Builder().code(200).body("{\"token_type\":\"x\"}")
        .build());
    LeverApiException e = assertThrows(LeverApiException.class, () -> session().accessToken());
    assertEquals("Lever's token endpoint answered without an access_token", e.getMessage());
  }
}
