package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import taplever.error.LeverApiException;
import taplever.http.oauth.TokenStore;
import taplever.runtime.Sleeper;
import taplever.testing.RecordingLogs;
import taplever.testing.TestConfigs;

/** The one retry loop, driven through the client as a sync drives it, on fake time. */
class RetryPolicyTest {
  private static final String PAGE = "{\"data\":[{\"id\":\"a\"}],\"hasNext\":false}";
  private static final LeverRequest OPPORTUNITIES = new LeverRequest("/opportunities",
      "/opportunities", java.util.Map.of(), List.of("data"), List.of("id"), false);

  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private final RecordingObserver observer = new RecordingObserver();
  private final RecordingLogs logs = new RecordingLogs();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LeverClient client(Duration maxRetry, DoubleSupplier random) {
    return client(maxRetry, time, random);
  }

  private LeverClient client(Duration maxRetry, Sleeper sleeper, DoubleSupplier random) {
    return LeverHttp.create(TestConfigs.withMaxRetry(
        TestConfigs.apiKey(server.url("/v1").toString(), "sk-test"), maxRetry), TokenStore.NONE,
        observer, time.runtime(sleeper, random, logs));
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{\"code\":\"X\",\"message\":\"m\"}").build();
  }

  private static MockResponse dropped() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  @Test
  void honoursRetryAfterInSeconds() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    server.enqueue(ok(PAGE));

    assertEquals(1, client(Duration.ofMinutes(5), () -> 0.5).fetch(OPPORTUNITIES,
        Optional.empty()).records().size());

    assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps());
    assertEquals(List.of("/opportunities 429 7000ms"), observer.retries);
    assertEquals(List.of("/opportunities 429", "/opportunities 200"), observer.responses);
  }

  @Test
  void honoursRetryAfterAsAnHttpDateMeasuredFromTheAnswersDate() {
    DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    server.enqueue(new MockResponse.Builder().code(429)
        .addHeader("Date", http.format(FakeTime.START))
        .addHeader("Retry-After", http.format(FakeTime.START.plusSeconds(12)))
        .build());
    server.enqueue(ok(PAGE));

    client(Duration.ofMinutes(5), () -> 0.5).fetch(OPPORTUNITIES, Optional.empty());

    assertEquals(List.of(Duration.ofSeconds(12)), time.sleeps());
  }

  @Test
  void retries503WithJitteredExponentialWaits() {
    server.enqueue(status(503));
    server.enqueue(status(502));
    server.enqueue(status(500));
    server.enqueue(status(504));
    server.enqueue(ok(PAGE));

    client(Duration.ofMinutes(5), () -> 0.25).fetch(OPPORTUNITIES, Optional.empty());

    assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(2)), time.sleeps());
    assertEquals(5, server.getRequestCount());
  }

  @Test
  void backoffDoublesFromOneSecondAndIsCappedAtThirty() {
    Backoff full = Backoff.of(() -> 1.0);
    List<Long> ceilings = List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    for (int attempt = 1; attempt <= ceilings.size(); attempt++) {
      assertEquals(Duration.ofSeconds(ceilings.get(attempt - 1)), full.wait(attempt));
    }
    assertEquals(Duration.ZERO, Backoff.of(() -> 0.0).wait(40));
  }

  @Test
  void retriesADroppedConnection() {
    server.enqueue(dropped());
    server.enqueue(ok(PAGE));

    assertEquals(1, client(Duration.ofMinutes(5), () -> 0.5).fetch(OPPORTUNITIES,
        Optional.empty()).records().size());

    assertTrue(observer.retries.size() <= 1, observer.retries::toString);
    observer.retries.forEach(r -> assertEquals("/opportunities 0 500ms", r));
  }

  @Test
  void statusesNetworkFailuresAndBrokenBodiesShareOneLoopAndOneLogLineEach() {
    server.enqueue(status(503));
    server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[{\"id\":\"a\"},").build());
    server.enqueue(ok("{\"data\":{\"x\":1},\"hasNext\":true}"));
    server.enqueue(ok(PAGE));

    client(Duration.ofMinutes(5), () -> 1.0).fetch(OPPORTUNITIES, Optional.empty());

    // One backoff sequence across the three kinds of failure: 1 s, 2 s, 4 s.
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
        time.sleeps());
    List<String> retries = logs.lines().stream().filter(l -> l.contains("; retry ")).toList();
    assertEquals(3, retries.size(), logs.lines()::toString);
    assertTrue(retries.get(0).contains("Lever answered 503 for /opportunities; retry 1 in 1000 ms"),
        retries::toString);
    assertTrue(retries.get(1).contains("for /opportunities; retry 2 in 2000 ms"), retries::toString);
    assertTrue(retries.get(2).contains("'data' is an object, not a list of records for"
        + " /opportunities; retry 3 in 4000 ms"), retries::toString);
  }

  @Test
  void doesNotRetry400Or404() {
    server.enqueue(status(400));
    server.enqueue(status(404));
    LeverClient client = client(Duration.ofMinutes(5), () -> 0.5);

    assertEquals(400, assertThrows(LeverApiException.class,
        () -> client.fetch(OPPORTUNITIES, Optional.empty())).status());
    assertEquals(404, assertThrows(LeverApiException.class,
        () -> client.fetch(OPPORTUNITIES, Optional.empty())).status());

    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void givesUpWhenTheNextWaitWouldPassTheDeadlineWithTheLastAnswer() {
    server.enqueue(status(500));
    server.enqueue(status(502));
    server.enqueue(status(504));
    server.enqueue(status(503));
    server.enqueue(ok(PAGE));

    LeverApiException e = assertThrows(LeverApiException.class, () -> client(
        Duration.ofSeconds(10), () -> 1.0).fetch(OPPORTUNITIES, Optional.empty()));

    assertEquals(503, e.status());
    assertTrue(e.getMessage().contains("X: m"), e.getMessage());
    // waits 1 + 2 + 4 s; the next, 8 s, would end after the 10 s budget
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
        time.sleeps());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void givesUpOnARetryAfterBeyondTheDeadline() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

    assertEquals(429, assertThrows(LeverApiException.class, () -> client(Duration.ofMinutes(5),
        () -> 0.5).fetch(OPPORTUNITIES, Optional.empty())).status());

    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void givesUpOnNetworkFailuresWithTheLastOne() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(dropped());
    }

    LeverApiException e = assertThrows(LeverApiException.class, () -> client(
        Duration.ofMillis(2500), () -> 1.0).fetch(OPPORTUNITIES, Optional.empty()));

    assertEquals(0, e.status());
    assertTrue(e.getMessage().startsWith("could not reach Lever for /opportunities"),
        e.getMessage());
    assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps()); // 1 s, then 2 s would pass 2.5 s
  }

  @Test
  void aTokenSavedByAnEarlierRunIsAskedForOnlyAFewTimes() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(dropped());
    }

    LeverApiException e = assertThrows(LeverApiException.class, () -> client(
        Duration.ofMinutes(5), () -> 0.5).fetchResumed(OPPORTUNITIES, "saved", TreeRecords::new));

    assertEquals(0, e.status());
    assertEquals(PageSource.RESUME_TRIES - 1, time.sleeps().size(), time.sleeps()::toString);
  }

  @Test
  void anInterruptedWaitStopsAsAnInterruption() {
    server.enqueue(status(503));
    LeverClient client = client(Duration.ofMinutes(5), d -> {
      throw new InterruptedException();
    }, () -> 0.5);

    LeverApiException e = assertThrows(LeverApiException.class,
        () -> client.fetch(OPPORTUNITIES, Optional.empty()));

    assertTrue(LeverClient.isInterruption(e), e.getMessage());
    assertTrue(Thread.interrupted());
    assertEquals(1, server.getRequestCount());
  }
}
