package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.DoubleSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryInterceptorTest {
  private static final String PAGE = "{\"data\":[{\"id\":\"a\"}],\"hasNext\":false}";

  private final MockWebServer server = new MockWebServer();
  private static final org.slf4j.Logger LOG = new taplever.testing.RecordingLogs().getLogger("test");
  private final FakeTime time = new FakeTime();
  private final RecordingObserver observer = new RecordingObserver();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OkHttpClient client(Duration maxRetry, DoubleSupplier random) {
    return new OkHttpClient.Builder()
        .addInterceptor(new RetryInterceptor(maxRetry, time, random, time, observer, LOG))
        .retryOnConnectionFailure(false) // so that this interceptor is the one retrying
        .build();
  }

  private Response get(OkHttpClient client) throws IOException {
    Request request = new Request.Builder().url(server.url("/v1/opportunities?offset=tok"))
        .tag(EndpointTag.class, new EndpointTag("/opportunities")).build();
    return client.newCall(request).execute();
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{\"code\":\"X\",\"message\":\"m\"}").build();
  }

  @Test
  void honoursRetryAfterInSeconds() throws IOException {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    server.enqueue(ok(PAGE));
    try (Response response = get(client(Duration.ofMinutes(5), () -> 0.5))) {
      assertEquals(200, response.code());
      assertEquals(PAGE, response.body().string());
    }
    assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps());
    assertEquals(List.of("/opportunities 429 7000ms"), observer.retries);
    assertEquals(List.of("/opportunities 429", "/opportunities 200"), observer.responses);
  }

  @Test
  void honoursRetryAfterAsAnHttpDateMeasuredFromTheAnswersDate() throws IOException {
    DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    server.enqueue(new MockResponse.Builder().code(429)
        .addHeader("Date", http.format(FakeTime.START))
        .addHeader("Retry-After", http.format(FakeTime.START.plusSeconds(12)))
        .build());
    server.enqueue(ok(PAGE));
    try (Response response = get(client(Duration.ofMinutes(5), () -> 0.5))) {
      assertEquals(200, response.code());
    }
    assertEquals(List.of(Duration.ofSeconds(12)), time.sleeps());
  }

  @Test
  void retries503WithJitteredExponentialWaits() throws IOException {
    server.enqueue(status(503));
    server.enqueue(status(502));
    server.enqueue(status(500));
    server.enqueue(status(408));
    server.enqueue(ok(PAGE));
    try (Response response = get(client(Duration.ofMinutes(5), () -> 0.25))) {
      assertEquals(200, response.code());
    }
    assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(2)), time.sleeps());
    assertEquals(5, server.getRequestCount());
  }

  @Test
  void backoffDoublesFromOneSecondAndIsCappedAtThirty() {
    RetryInterceptor retry =
        new RetryInterceptor(Duration.ofMinutes(5), time, () -> 1.0, time, observer, LOG);
    List<Long> ceilings = List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    for (int attempt = 1; attempt <= ceilings.size(); attempt++) {
      assertEquals(Duration.ofSeconds(ceilings.get(attempt - 1)), retry.backoff(attempt));
    }
    RetryInterceptor none = new RetryInterceptor(Duration.ofMinutes(5), time, () -> 0.0, time,
        observer, LOG);
    assertEquals(Duration.ZERO, none.backoff(40));
  }

  @Test
  void retriesADroppedConnection() throws IOException {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket())
        .build());
    server.enqueue(ok(PAGE));
    try (Response response = get(client(Duration.ofMinutes(5), () -> 0.5))) {
      assertEquals(PAGE, response.body().string());
    }
    assertEquals(List.of("/opportunities 0 500ms"), observer.retries);
  }

  @Test
  void leavesA2xxBodyUnreadSoOneCutShortIsTheReadersToFetchAgain() throws IOException {
    String big = "{\"data\":[" + "{\"id\":\"abcdefghijklmnopqrstuvwxyz\"},".repeat(2000)
        + "{\"id\":\"z\"}],\"hasNext\":false}";
    server.enqueue(new MockResponse.Builder().code(200).body(big)
        .onResponseBody(new SocketEffect.CloseSocket()).build());
    server.enqueue(ok(PAGE));
    try (Response response = get(client(Duration.ofMinutes(5), () -> 0.5))) {
      assertEquals(200, response.code());
      assertThrows(IOException.class, () -> response.body().string());
    }
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), observer.retries);
  }

  @Test
  void passesA2xxBodyThroughWhateverItSaysForTheReaderToJudge() throws IOException {
    server.enqueue(ok("<html>Bad gateway</html>"));
    try (Response response = get(client(Duration.ofMinutes(5), () -> 0.5))) {
      assertEquals("<html>Bad gateway</html>", response.body().string());
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void doesNotRetry400Or404() throws IOException {
    server.enqueue(status(400));
    server.enqueue(status(404));
    OkHttpClient client = client(Duration.ofMinutes(5), () -> 0.5);
    try (Response response = get(client)) {
      assertEquals(400, response.code());
      assertEquals("{\"code\":\"X\",\"message\":\"m\"}", response.body().string());
    }
    try (Response response = get(client)) {
      assertEquals(404, response.code());
    }
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void givesUpWhenTheNextWaitWouldPassTheDeadlineAndReturnsTheLastAnswer() throws IOException {
    server.enqueue(status(500));
    server.enqueue(status(502));
    server.enqueue(status(504));
    server.enqueue(status(503));
    server.enqueue(ok(PAGE));
    try (Response response = get(client(Duration.ofSeconds(10), () -> 1.0))) {
      assertEquals(503, response.code());
      assertEquals("{\"code\":\"X\",\"message\":\"m\"}", response.body().string());
    }
    // waits 1 + 2 + 4 s; the next, 8 s, would end after the 10 s budget
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
        time.sleeps());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void givesUpOnARetryAfterBeyondTheDeadline() throws IOException {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
    try (Response response = get(client(Duration.ofMinutes(5), () -> 0.5))) {
      assertEquals(429, response.code());
    }
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void givesUpOnNetworkFailuresByRethrowingTheLastOne() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket())
          .build());
    }
    assertThrows(IOException.class, () -> get(client(Duration.ofMillis(2500), () -> 1.0)));
    assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps()); // 1 s, then 2 s would pass 2.5 s
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void anInterruptedWaitStopsWithInterruptedIoException() {
    server.enqueue(status(503));
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(new RetryInterceptor(Duration.ofMinutes(5), d -> {
          throw new InterruptedException();
        }, () -> 0.5, time, observer, LOG))
        .build();
    assertThrows(InterruptedIOException.class, () -> get(client));
    assertTrue(Thread.interrupted());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void onlyGetIsRetried() throws IOException {
    server.enqueue(status(503));
    Request post = new Request.Builder().url(server.url("/oauth/token"))
        .post(RequestBody.create("a=b", MediaType.get("application/x-www-form-urlencoded")))
        .build();
    try (Response response = client(Duration.ofMinutes(5), () -> 0.5).newCall(post).execute()) {
      assertEquals(503, response.code());
    }
    assertEquals(1, server.getRequestCount());
  }
}
