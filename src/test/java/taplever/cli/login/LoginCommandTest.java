package taplever.cli.login;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.testing.TapRun;

/** {@code tap-lever login} end to end against the fake Lever, the test playing the browser. */
class LoginCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String SECRET = "fake-client-secret";
  private static FakeLever fake;

  /** Follows redirects, as a browser does: /authorize answers 302 to our callback. */
  private final OkHttpClient browser = new OkHttpClient.Builder().callTimeout(WAIT).build();

  @TempDir
  Path dir;

  @BeforeAll
  static void startFake() throws IOException {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(5));
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  private Path config(String secret) throws IOException {
    return Files.writeString(dir.resolve("config.json"), "{\n"
        + "  \"client_id\": \"fake-client-id\",\n"
        + "  \"client_secret\": \"" + secret + "\",\n"
        + "  \"base_url\": \"" + fake.baseUrl() + "\",\n"
        + "  \"authorize_url\": \"" + fake.authorizeUrl() + "\",\n"
        + "  \"token_url\": \"" + fake.tokenUrl() + "\",\n"
        + "  \"start_date\": \"2020-01-01T00:00:00Z\",\n"
        + "  \"page_size\": 50\n}\n");
  }

  private static LoginRun login(Path config, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("login", "--config", config.toString(),
        "--no-browser", "--port", "0"));
    args.addAll(Arrays.asList(more));
    return LoginRun.start(args.toArray(String[]::new));
  }

  private static HttpUrl awaitUrl(LoginRun run) throws InterruptedException {
    return HttpUrl.get(run.awaitLine(l -> l.startsWith(fake.authorizeUrl() + "?"), WAIT));
  }

  /** Requests the fake's token endpoint has answered so far (it is shared by the class's tests). */
  private static long tokenExchanges() {
    return fake.requestLog().stream().filter(r -> r.startsWith("POST /oauth/token")).count();
  }

  private Response get(HttpUrl url) throws IOException {
    return browser.newCall(new Request.Builder().url(url).build()).execute();
  }

  @Test
  void savesTheRefreshTokenAfterIgnoringAForgedCallback() throws Exception {
    Path cfg = config(SECRET);
    Files.setPosixFilePermissions(cfg, PosixFilePermissions.fromString("rw-------"));
    JsonNode before = JSON.readTree(cfg.toFile());
    try (LoginRun run = login(cfg)) {
      HttpUrl authorize = awaitUrl(run);
      HttpUrl callback = HttpUrl.get(authorize.queryParameter("redirect_uri"));
      assertTrue(callback.toString().matches("http://127\\.0\\.0\\.1:\\d+/callback"), callback::toString);

      HttpUrl forged = callback.newBuilder().addQueryParameter("code", "forged-code")
          .addQueryParameter("state", "not-the-state").build();
      long exchangesBefore = tokenExchanges();
      try (Response r = get(forged)) {
        assertEquals(400, r.code());
        assertTrue(r.body().string().contains("state of this request does not match"));
      }

      String code;
      try (Response r = assertDoesNotThrow(() -> get(authorize),
          "login stopped listening after the forged callback")) {
        assertEquals(200, r.code());
        assertTrue(r.body().string().contains("tap-lever is authorized; you can close this tab"));
        assertEquals(callback.encodedPath(), r.request().url().encodedPath());
        code = r.request().url().queryParameter("code");
        assertNotNull(code);
      }
      assertEquals(0, run.awaitExit(WAIT), run::stderr);
      assertEquals(1, tokenExchanges() - exchangesBefore, "only the real code was sent to Lever");

      JsonNode after = JSON.readTree(cfg.toFile());
      String token = fake.currentRefreshToken();
      assertEquals(token, after.path("refresh_token").asText());
      ObjectNode rest = after.deepCopy();
      rest.remove("refresh_token");
      assertEquals(before, rest);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg)));

      String err = run.stderr();
      assertTrue(err.contains("port " + callback.port()), err);
      assertTrue(err.contains("Open this URL in a browser signed in as a Lever Super Admin:"
          + System.lineSeparator() + authorize + System.lineSeparator()), err);
      assertTrue(authorize.toString().contains("&audience=https%3A%2F%2Fapi.lever.co%2Fv1%2F"), err);
      assertEquals("code", authorize.queryParameter("response_type"));
      assertEquals("fake-client-id", authorize.queryParameter("client_id"));
      assertEquals(43, authorize.queryParameter("state").length());
      List<String> scopes = List.of(authorize.queryParameter("scope").split(" "));
      assertTrue(scopes.contains("offline_access"), err);
      assertEquals(scopes.stream().sorted().distinct().toList(), scopes);
      assertTrue(err.contains("Saved a refresh token in " + cfg + "."), err);
      assertFalse(err.contains(SECRET), err);
      assertFalse(err.contains(token), err);
      assertFalse(err.contains(code), err);
    }
  }

  @Test
  void aReadOnlyConfigFailsBeforeListening() throws Exception {
    Path cfg = config(SECRET);
    String before = Files.readString(cfg);
    Files.setPosixFilePermissions(cfg, PosixFilePermissions.fromString("r--r--r--"));
    boolean immutable = false;
    if (Files.isWritable(cfg)) {
      // root ignores permission bits; the immutable flag stops it.
      immutable = chattr("+i", cfg);
      assumeTrue(immutable && !Files.isWritable(cfg), "cannot make a file read-only for this user");
    }
    try {
      TapRun run = TapRun.of("login", "--config", cfg.toString(), "--no-browser", "--port", "0");
      assertEquals(2, run.exitCode(), run::toString);
      assertTrue(run.stderr().contains("CRITICAL tap-lever: config file " + cfg
          + " must be writable"), run::toString);
      assertFalse(run.stderr().contains("Open this URL"), run::toString);
      assertEquals(before, Files.readString(cfg));
    } finally {
      if (immutable) {
        chattr("-i", cfg);
      }
    }
  }

  @Test
  void accessDeniedEndsWithExit1() throws Exception {
    Path cfg = config(SECRET);
    String before = Files.readString(cfg);
    try (LoginRun run = login(cfg)) {
      HttpUrl authorize = awaitUrl(run);
      HttpUrl denied = HttpUrl.get(authorize.queryParameter("redirect_uri")).newBuilder()
          .addQueryParameter("state", authorize.queryParameter("state"))
          .addQueryParameter("error", "access_denied")
          .addQueryParameter("error_description", "user_did_not_authorize_the_request").build();
      try (Response r = get(denied)) {
        assertEquals(200, r.code());
        assertTrue(r.body().string().contains("tap-lever was not authorized"));
      }
      assertEquals(1, run.awaitExit(WAIT), run::stderr);
      assertTrue(run.stderr().contains("CRITICAL tap-lever: Lever authorization was denied:"
          + " user_did_not_authorize_the_request"), run::stderr);
      assertEquals(before, Files.readString(cfg));
    }
  }

  @Test
  void aRefusedCodeEndsWithExit1AndTellsTheBrowser() throws Exception {
    Path cfg = config("wrong-secret");
    try (LoginRun run = login(cfg)) {
      try (Response r = get(awaitUrl(run))) {
        assertEquals(502, r.code());
        assertTrue(r.body().string().contains("could not finish"));
      }
      assertEquals(1, run.awaitExit(WAIT), run::stderr);
      assertTrue(run.stderr().contains("CRITICAL tap-lever: Lever refused the authorization code"
          + " (invalid_client)"), run::stderr);
      assertFalse(run.stderr().contains("wrong-secret"), run::stderr);
      assertFalse(JSON.readTree(cfg.toFile()).has("refresh_token"));
    }
  }

  @Test
  void scopesOptionReplacesTheDefaults() throws Exception {
    try (LoginRun run = login(config(SECRET), "--scopes", "users:read:admin  postings:read:admin",
        "--timeout-seconds", "1")) {
      assertEquals("offline_access postings:read:admin users:read:admin",
          awaitUrl(run).queryParameter("scope"));
      assertEquals(1, run.awaitExit(WAIT), run::stderr);
    }
  }

  @Test
  void noAnswerTimesOutWithExit1() throws Exception {
    TapRun run = TapRun.of("login", "--config", config(SECRET).toString(), "--no-browser",
        "--port", "0", "--timeout-seconds", "1");
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("CRITICAL tap-lever: no authorization arrived within 1 s"),
        run::toString);
  }

  private static boolean chattr(String flag, Path file) {
    try {
      return new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true)
          .start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
