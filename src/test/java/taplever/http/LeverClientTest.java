package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import taplever.config.TapConfig;
import taplever.error.LeverApiException;
import taplever.http.oauth.TokenStore;
import taplever.testing.RecordingLogs;
import taplever.testing.TestConfigs;

class LeverClientTest {
  private static final LeverRequest OPPORTUNITIES = LeverRequest.of("/opportunities");

  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private static final String PAGE = "{\"data\":[{\"id\":\"a\"}],\"hasNext\":false}";
  private final ObjectMapper mapper = new ObjectMapper();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String baseUrl() {
    return server.url("/v1").toString();
  }

  private LeverClient client(TapConfig config) {
    return LeverHttp.create(config, TokenStore.NONE, HttpObserver.NONE,
        time.runtime(() -> 1.0));
  }

  private LeverClient client() {
    return client(TestConfigs.apiKey(baseUrl(), "sk-test"));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build();
  }

  private LeverApiException failureFor(MockResponse response) {
    server.enqueue(response);
    return assertThrows(LeverApiException.class,
        () -> client().fetch(OPPORTUNITIES, Optional.empty()));
  }

  @Test
  void sendsRepeatedParamsInOrderThenLimitWithBasicAuthAndUserAgent() throws Exception {
    server.enqueue(json(200, "{\"data\":[],\"hasNext\":false}"));
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("expand", List.of("applications", "stage"));
    params.put("confidentiality", List.of("all"));
    client().fetch(new LeverRequest("/opportunities", "/opportunities", params), Optional.empty());
    RecordedRequest request = server.takeRequest();
    assertEquals("/v1/opportunities?expand=applications&expand=stage&confidentiality=all&limit=100",
        request.getTarget());
    assertEquals("Basic c2stdGVzdDo=", request.getHeaders().get("Authorization"));
    assertEquals(TestConfigs.USER_AGENT, request.getHeaders().get("User-Agent"));
  }

  @Test
  void aLimitParamReplacesThePageSizeAndAnEmptyOneSendsNone() throws Exception {
    server.enqueue(json(200, "{\"data\":[]}"));
    client().fetch(new LeverRequest("/opportunities/abc/resumes", "/opportunities/{id}/resumes",
        Map.of("limit", List.of())), Optional.empty());
    assertEquals("/v1/opportunities/abc/resumes", server.takeRequest().getTarget());
  }

  @Test
  void passesTheOffsetTokenVerbatimSoItIsEncodedExactlyOnce() throws Exception {
    server.enqueue(json(200, "{\"data\":[]}"));
    client().fetch(OPPORTUNITIES, Optional.of("%5B1%2C%22a%20b%22%5D"));
    assertEquals("/v1/opportunities?limit=100&offset=%255B1%252C%2522a%2520b%2522%255D",
        server.takeRequest().getTarget());
  }

  @Test
  void parsesAPageAndKeepsIntegersAsIntegers() {
    server.enqueue(json(200, "{\"data\":[{\"id\":\"a\",\"createdAt\":1750233409740,\"n\":3}],"
        + "\"hasNext\":true,\"next\":\"%5B1%5D\"}"));
    var page = client().fetch(OPPORTUNITIES, Optional.empty());
    assertEquals(1, page.records().size());
    assertTrue(page.records().get(0).get("createdAt").isIntegralNumber());
    assertEquals(1750233409740L, page.records().get(0).get("createdAt").longValue());
    assertTrue(page.records().get(0).get("n").isInt());
    assertTrue(page.hasNext());
    assertEquals(Optional.of("%5B1%5D"), page.next());
  }

  @Test
  void a401NamesTheCredentialsMode() {
    LeverApiException e = failureFor(json(401, "{\"code\":\"Unauthorized\",\"message\":\"x\"}"));
    assertEquals(401, e.status());
    assertEquals("Lever rejected the credentials (API key): check the API key / OAuth app",
        e.getMessage());
  }

  @Test
  void a403SaysThePermissionIsMissing() {
    LeverApiException e = failureFor(json(403, "{\"code\":\"Forbidden\",\"message\":\"no\"}"));
    assertEquals(403, e.status());
    assertEquals("/opportunities", e.endpoint());
    assertEquals("Lever refused /opportunities (403): the credentials lack permission for it",
        e.getMessage());
  }

  @Test
  void a404CarriesLeversMessage() {
    LeverApiException e = failureFor(json(404,
        "{\"code\":\"ResourceNotFound\",\"message\":\"opportunities x was not found\"}"));
    assertEquals(404, e.status());
    assertEquals("Lever answered 404 for /opportunities: ResourceNotFound: opportunities x was"
        + " not found", e.getMessage());
    assertFalse(e.invalidOffsetToken());
  }

  @Test
  void anInvalidOffsetTokenIsRecognisable() {
    LeverApiException e = failureFor(json(400, "{\"code\":\"BadRequest\","
        + "\"message\":\"Invalid offset token: Offset token is invalid for sort\"}"));
    assertEquals(400, e.status());
    assertTrue(e.invalidOffsetToken());
    LeverApiException other = failureFor(json(400, "{\"code\":\"BadRequest\","
        + "\"message\":\"updated_at_start must be a timestamp\"}"));
    assertFalse(other.invalidOffsetToken());
    assertEquals("Lever answered 400 for /opportunities: BadRequest: updated_at_start must be a"
        + " timestamp", other.getMessage());
  }

  @Test
  void a500AfterRetriesReportsTheTimeSpentAndATruncatedMessage() {
    String longMessage = "x".repeat(500);
    for (int i = 0; i < 4; i++) {
      server.enqueue(
          json(500, "{\"code\":\"InternalServer\",\"message\":\"" + longMessage + "\"}"));
    }
    LeverClient client = client(TestConfigs.withMaxRetry(TestConfigs.apiKey(baseUrl(), "sk-test"),
        Duration.ofSeconds(5)));
    LeverApiException e = assertThrows(LeverApiException.class,
        () -> client.fetch(OPPORTUNITIES, Optional.empty()));
    assertEquals(500, e.status());
    assertEquals(3, server.getRequestCount()); // waits 1 s, 2 s; then 4 s would pass 5 s
    String prefix = "Lever answered 500 for /opportunities after retrying for 3s: ";
    assertTrue(e.getMessage().startsWith(prefix + "InternalServer: xxx"), e.getMessage());
    // Lever's "InternalServer: " and 500 x: 516 code points, of which 200 are shown.
    assertTrue(e.getMessage().endsWith("x…(+316 chars)"), e.getMessage());
    assertEquals(prefix.length() + 200 + "…(+316 chars)".length(), e.getMessage().length());
  }

  @Test
  void networkFailuresAfterRetriesAreStatusZero() {
    for (int i = 0; i < 10; i++) { // OkHttp may also retry a dropped connection by itself
      server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket())
          .build());
    }
    LeverClient client = client(TestConfigs.withMaxRetry(TestConfigs.apiKey(baseUrl(), "sk-test"),
        Duration.ofSeconds(5)));
    LeverApiException e = assertThrows(LeverApiException.class,
        () -> client.fetch(OPPORTUNITIES, Optional.empty()));
    assertEquals(0, e.status());
    assertFalse(LeverClient.isInterruption(e));
    assertTrue(e.getMessage().startsWith(
        "could not reach Lever for /opportunities after retrying for 3s: "), e.getMessage());
  }

  @Test
  void aReadTimeoutIsRetriedAndIsNotAnInterruption() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(json(200, "{\"data\":[]}"));
    TapConfig config = TestConfigs.apiKey(baseUrl(), "sk-test");
    TapConfig fast = TestConfigs.http(TestConfigs.http(config, "connectTimeout",
        Duration.ofSeconds(1)), "readTimeout", Duration.ofMillis(200));
    assertEquals(0, client(fast).fetch(OPPORTUNITIES, Optional.empty()).records().size());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void anInterruptionStaysRecognisable() {
    server.enqueue(json(503, "{}"));
    LeverClient client = LeverHttp.create(TestConfigs.apiKey(baseUrl(), "sk-test"),
        TokenStore.NONE, HttpObserver.NONE, time.runtime(d -> {
          throw new InterruptedException();
        }, () -> 1.0, new RecordingLogs()));
    LeverApiException e = assertThrows(LeverApiException.class,
        () -> client.fetch(OPPORTUNITIES, Optional.empty()));
    assertTrue(Thread.interrupted());
    assertInstanceOf(InterruptedIOException.class, e.getCause());
    assertTrue(LeverClient.isInterruption(e));
    assertEquals("the request to Lever for /opportunities was interrupted", e.getMessage());
  }

  @Test
  void aCallCanceledDuringARetryWaitIsAnInterruption() {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{\"data\":[]}"));
    AtomicReference<LeverClient> stopping = new AtomicReference<>();
    LeverClient client = LeverHttp.create(TestConfigs.apiKey(baseUrl(), "sk-test"),
        TokenStore.NONE, HttpObserver.NONE, time.runtime(d -> stopping.get().cancelAll(),
            () -> 1.0, new RecordingLogs()));
    stopping.set(client);
    LeverApiException e = assertThrows(LeverApiException.class,
        () -> client.fetch(OPPORTUNITIES, Optional.empty()));
    assertTrue(LeverClient.isInterruption(e));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void readsAgainAnAnswerWhoseJsonIsCutShort() {
    server.enqueue(json(200, "{\"data\":[{\"id\":\"a\"},{\"id\""));
    server.enqueue(json(200, PAGE));
    RecordingObserver observer = new RecordingObserver();
    LeverClient client = LeverHttp.create(TestConfigs.apiKey(baseUrl(), "sk-test"),
        TokenStore.NONE, observer, time.runtime(() -> 0.5));

    var page = client.fetch(OPPORTUNITIES, Optional.empty());

    assertEquals(List.of("a"), page.records().stream().map(r -> r.get("id").asText()).toList());
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of("/opportunities 0 500ms"), observer.retries);
  }

  @Test
  void readsAgainAnAnswerWhoseConnectionDropsMidBody() {
    server.enqueue(new MockResponse.Builder().code(200).body(bigPage())
        .onResponseBody(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, PAGE));
    RecordingObserver observer = new RecordingObserver();
    LeverClient client = LeverHttp.create(TestConfigs.apiKey(baseUrl(), "sk-test"),
        TokenStore.NONE, observer, time.runtime(() -> 0.5));

    var page = client.fetch(OPPORTUNITIES, Optional.empty());

    assertEquals(List.of("a"), page.records().stream().map(r -> r.get("id").asText()).toList(),
        "nothing of the broken answer is kept");
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of("/opportunities 0 500ms"), observer.retries);
  }

  @Test
  void aCallCanceledWhileItsBodyStreamsIsAnInterruptionAndIsNotReadAgain() {
    server.enqueue(json(200, bigPage()));
    server.enqueue(json(200, PAGE));
    LeverClient client = client();
    RecordSink<Integer> cancelling = new RecordSink<>() {
      private int seen;

      @Override
      public void record(com.fasterxml.jackson.core.JsonParser parser) throws IOException {
        parser.skipChildren();
        if (seen++ == 0) {
          client.cancelAll();
        }
      }

      @Override
      public Integer page() {
        return seen;
      }
    };

    LeverApiException e = assertThrows(LeverApiException.class,
        () -> client.fetch(OPPORTUNITIES, Optional.empty(), () -> cancelling));

    assertTrue(LeverClient.isInterruption(e), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  /** Big enough (about 1 MB) that the client has not read it all when the first record arrives. */
  private static String bigPage() {
    return "{\"data\":[" + ("{\"id\":\"" + "x".repeat(1000) + "\"},").repeat(1000)
        + "{\"id\":\"z\"}],\"hasNext\":false}";
  }

  @Test
  void aPageFetchedAgainKeepsOneRetryDeadlineAcrossTransportRetriesAndReReads() {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{\"data\":[{\"id\":\"a\"},"));
    for (int i = 0; i < 10; i++) {
      server.enqueue(json(503, "{}"));
    }
    LeverClient client = client(TestConfigs.withMaxRetry(TestConfigs.apiKey(baseUrl(), "sk-test"),
        Duration.ofSeconds(5)));

    assertThrows(LeverApiException.class, () -> client.fetch(OPPORTUNITIES, Optional.empty()));

    // One loop, one allowance: waits of 1 s and 2 s, then the next (4 s) would pass the 5 s. An
    // allowance restarted by the re-read would have waited 7 s in all.
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), time.sleeps());
    assertTrue(time.elapsed().compareTo(Duration.ofSeconds(5)) <= 0, time.sleeps()::toString);
  }

  @Test
  void readsAgainAnAnswerThatIsNotJson() {
    server.enqueue(json(200, "<html>Bad gateway</html>"));
    server.enqueue(json(200, "{\"data\":[]} trailing"));
    server.enqueue(json(200, ""));
    server.enqueue(json(200, PAGE));

    var page = client().fetch(OPPORTUNITIES, Optional.empty());

    assertEquals(1, page.records().size());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void givesUpOnBrokenBodiesWhenRetryingTimeIsOver() {
    for (int i = 0; i < 20; i++) {
      server.enqueue(json(200, "{\"data\":["));
    }
    LeverClient client = LeverHttp.create(TestConfigs.withMaxRetry(
        TestConfigs.apiKey(baseUrl(), "sk-test"), Duration.ofSeconds(3)), TokenStore.NONE,
        HttpObserver.NONE, time.runtime(() -> 1.0));

    LeverApiException e = assertThrows(LeverApiException.class,
        () -> client.fetch(OPPORTUNITIES, Optional.empty()));

    assertTrue(e.getMessage().startsWith("Lever's answers for /opportunities were not a"
        + " well-formed page (the last: the answer's body was cut short or is not JSON), still"
        + " after retrying for"), e.getMessage());
    assertTrue(server.getRequestCount() < 20, "bounded by time");
  }

  @Test
  void aMissingDataListIsAMalformedPageAskedForAgainThenTheRunsError() {
    for (int i = 0; i < 20; i++) {
      server.enqueue(json(200, "{\"hasNext\":false}"));
    }
    LeverClient client = LeverHttp.create(TestConfigs.withMaxRetry(
        TestConfigs.apiKey(baseUrl(), "sk-test"), Duration.ofSeconds(3)), TokenStore.NONE,
        HttpObserver.NONE, time.runtime(() -> 1.0));

    LeverApiException e = assertThrows(LeverApiException.class,
        () -> client.fetch(OPPORTUNITIES, Optional.empty()));

    assertEquals("Lever's answers for /opportunities were not a well-formed page (the last: the"
        + " answer has no 'data'), still after retrying for 3s", e.getMessage());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void hasNextWithoutANextTokenIsAnErrorOfThePaginator() {
    server.enqueue(json(200, "{\"data\":[],\"hasNext\":true}"));
    LeverClient client = client();
    LeverApiException e = assertThrows(LeverApiException.class, () -> new CursorPaginator<>(
        offset -> client.fetch(OPPORTUNITIES, offset), "/opportunities", Optional.empty()).nextPage());
    assertEquals("Lever said hasNext but gave no next token for /opportunities", e.getMessage());
  }

  @Test
  void dataGivenAsAnObjectIsAMalformedPageAskedForAgain() {
    server.enqueue(json(200, "{\"data\":{\"id\":\"only\"}}"));
    server.enqueue(json(200, PAGE));
    var page = client().fetch(OPPORTUNITIES, Optional.empty());
    assertEquals(1, page.records().size());
    assertEquals("a", page.records().get(0).get("id").asText());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aSameOriginRedirectKeepsTheCredentials() throws Exception {
    server.enqueue(new MockResponse.Builder().code(301)
        .addHeader("Location", server.url("/v1/moved").toString()).build());
    server.enqueue(json(200, "{\"data\":[]}"));
    client().fetch(OPPORTUNITIES, Optional.empty());
    server.takeRequest();
    RecordedRequest redirected = server.takeRequest();
    assertEquals("/v1/moved", redirected.getTarget());
    assertEquals("Basic c2stdGVzdDo=", redirected.getHeaders().get("Authorization"));
  }

  @Test
  void aRedirectToAnotherOriginGetsNoCredentials() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      elsewhere.enqueue(json(200, "{\"data\":[]}"));
      server.enqueue(new MockResponse.Builder().code(302)
          .addHeader("Location", elsewhere.url("/v1/opportunities").toString()).build());
      client().fetch(OPPORTUNITIES, Optional.empty());
      assertNull(elsewhere.takeRequest().getHeaders().get("Authorization"));
    }
  }

  @Test
  void thePaginatorDrivesTheClientAcrossPages() throws Exception {
    server.enqueue(json(200, "{\"data\":[{\"id\":\"1\"}],\"hasNext\":true,\"next\":\"%5B2%5D\"}"));
    server.enqueue(json(200, "{\"data\":[{\"id\":\"2\"}],\"hasNext\":false}"));
    LeverClient client = client();
    var pages = new CursorPaginator<>(offset -> client.fetch(OPPORTUNITIES, offset),
        OPPORTUNITIES.endpoint(), Optional.empty());
    List<String> ids = new ArrayList<>();
    while (pages.hasMore()) {
      pages.nextPage().records().forEach(r -> ids.add(r.get("id").asText()));
    }
    assertEquals(List.of("1", "2"), ids);
    assertEquals("/v1/opportunities?limit=100", server.takeRequest().getTarget());
    assertEquals("/v1/opportunities?limit=100&offset=%255B2%255D",
        server.takeRequest().getTarget());
  }
}
