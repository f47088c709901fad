package taplever.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import taplever.config.TapConfig;
import taplever.error.LeverApiException;
import taplever.testing.TestConfigs;

/**
 * Runs the failure paths with recognisable credentials and checks that none of them appears in an
 * exception (message, toString, causes, stack trace) or in anything logged.
 */
class SecretsDoNotLeakTest {
  private static final String API_KEY = "sk-SECRET-123";
  private static final String CLIENT_SECRET = "cs-SECRET-456";
  private static final String REFRESH = "rt-SECRET-789";
  private static final String ACCESS = "at-SECRET-000";
  private static final String NEW_REFRESH = "rt-SECRET-NEW";
  private static final String OFFSET = "%5B1%2C%22offset-SECRET%22%5D";
  private static final List<String> SECRETS = List.of(API_KEY, CLIENT_SECRET, REFRESH, ACCESS,
      NEW_REFRESH, "offset-SECRET",
      Base64.getEncoder().encodeToString((API_KEY + ":").getBytes(StandardCharsets.UTF_8)));

  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final StringWriter exceptions = new StringWriter();
  private final taplever.testing.RecordingLogs logs = new taplever.testing.RecordingLogs();
  private PrintStream originalErr;
  private PrintStream originalOut;

  @BeforeEach
  void start() throws IOException {
    server.start();
    originalErr = System.err;
    originalOut = System.out;
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
  }

  @AfterEach
  void stop() {
    System.setErr(originalErr);
    System.setOut(originalOut);
    server.close();
  }

  private void route(Function<RecordedRequest, MockResponse> answers) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answers.apply(request);
      }
    });
  }

  private static MockResponse answer(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  private static MockResponse tokens() {
    return answer(200, "{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + NEW_REFRESH
        + "\",\"expires_in\":3600}");
  }

  private LeverClient client(TapConfig config) {
    TapConfig bounded = TestConfigs.withMaxRetry(config, Duration.ofSeconds(5));
    return LeverHttp.create(bounded, token -> { }, HttpObserver.NONE,
        time.runtime(time, () -> 1.0, logs));
  }

  private LeverClient apiKeyClient() {
    return client(TestConfigs.apiKey(server.url("/v1").toString(), API_KEY));
  }

  private LeverClient oauthClient() {
    return client(TestConfigs.oauth(server.url("/v1").toString(),
        server.url("/oauth/token").toString(), CLIENT_SECRET, REFRESH));
  }

  private void fails(LeverClient client) {
    Executable fetch = () -> client.fetch(LeverRequest.of("/opportunities"), Optional.of(OFFSET));
    LeverApiException e = assertThrows(LeverApiException.class, fetch);
    PrintWriter out = new PrintWriter(exceptions);
    out.println(e.getMessage());
    out.println(e);
    e.printStackTrace(out);
    out.flush();
  }

  @Test
  void noCredentialAppearsInErrorsOrLogs() {
    route(r -> answer(401, "{\"message\":\"bad key " + API_KEY + "\"}"));
    fails(apiKeyClient());
    route(r -> answer(403, "{\"message\":\"forbidden\"}"));
    fails(apiKeyClient());
    route(r -> answer(500, "{\"code\":\"Oops\",\"message\":\"upstream\"}"));
    fails(apiKeyClient());
    route(r -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    fails(apiKeyClient());

    route(r -> r.getUrl().encodedPath().equals("/oauth/token") ? tokens()
        : answer(401, "{\"message\":\"token " + ACCESS + " expired\"}"));
    fails(oauthClient());
    route(r -> answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token "
        + REFRESH + " is unknown\"}"));
    fails(oauthClient());
    route(r -> answer(401, "{\"error\":\"invalid_client\",\"error_description\":\"" + CLIENT_SECRET
        + "\"}"));
    fails(oauthClient());
    route(r -> answer(500, "{\"error\":\"" + CLIENT_SECRET + "\"}"));
    fails(oauthClient());
    route(r -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    fails(oauthClient());
    route(r -> new MockResponse.Builder().code(307).addHeader("Location", "http://" + REFRESH + ":"
        + CLIENT_SECRET + "@127.0.0.1:1/collect?rt=" + REFRESH + "&cs=" + CLIENT_SECRET).build());
    fails(oauthClient());

    String logged = captured.toString(StandardCharsets.UTF_8) + logs.text();
    String errors = exceptions.toString();
    assertTrue(logged.contains("retry 1"), "the WARN lines were captured: " + logged);
    assertTrue(errors.contains("Lever rejected the OAuth credentials (invalid_grant)"), errors);
    assertTrue(errors.contains("redirecting the OAuth token refresh to http://127.0.0.1:1/collect;"),
        errors);
    String configs = TestConfigs.apiKey("https://x", API_KEY) + " "
        + TestConfigs.oauth("https://x", "https://y", CLIENT_SECRET, REFRESH);
    for (String secret : SECRETS) {
      assertFalse(logged.contains(secret), "logged: " + secret);
      assertFalse(errors.contains(secret), "in an exception: " + secret);
      assertFalse(configs.contains(secret), "in a config's toString: " + secret);
    }
  }
}
