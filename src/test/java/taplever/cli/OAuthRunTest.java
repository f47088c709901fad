package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.config.ConfigLock;
import taplever.config.FileWrites;
import taplever.testing.Catalogs;
import taplever.testing.LeverScript;
import taplever.testing.LockHolder;
import taplever.testing.TapRun;
import taplever.testing.TempFiles;

/** Whole OAuth runs against a scripted Lever: the ways a refresh token gets lost, and don't. */
class OAuthRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT_SECRET = "cs-SECRET-31";
  private static final String FIRST = "rt-SECRET-first";

  private final MockWebServer server = new MockWebServer();
  private final LeverScript lever = new LeverScript();
  private TempFiles files;
  private Path config;
  private Path catalog;
  private int refreshes;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(lever);
    server.start();
    files = new TempFiles(dir);
    lever.on("/oauth/token", r -> {
      refreshes++;
      return LeverScript.json(200, "{\"access_token\": \"at-" + refreshes + "\", \"refresh_token\":"
          + " \"rt-SECRET-" + refreshes + "\", \"expires_in\": 3600}");
    });
    config = files.write("config.json", "{\"client_id\": \"client-1\", \"client_secret\": \""
        + CLIENT_SECRET + "\", \"refresh_token\": \"" + FIRST + "\", \"token_url\": \""
        + server.url("/oauth/token") + "\", \"base_url\": \"" + server.url("/v1") + "\","
        + " \"start_date\": \"2020-01-01T00:00:00Z\", \"requests_per_second\": 1000, \"burst\": 1000,"
        + " \"max_retry_seconds\": 2, \"read_timeout_seconds\": 5}");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    catalog = files.write("catalog.json", Catalogs.selecting("opportunities"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TapRun sync() {
    return TapRun.of("--config", config.toString(), "--catalog", catalog.toString());
  }

  private String savedToken() throws IOException {
    return JSON.readTree(config.toFile()).get("refresh_token").asText();
  }

  private List<String> refreshTokensSent() {
    return lever.requestsTo("/oauth/token").stream()
        .map(r -> r.getBody().utf8().replaceAll(".*refresh_token=([^&]*).*", "$1")).toList();
  }

  private void assertNoSecretIn(TapRun run) {
    for (String secret : List.of(CLIENT_SECRET, "rt-SECRET", "at-1")) {
      assertFalse(run.stderr().contains(secret), () -> secret + " in " + run);
    }
  }

  @Test
  void aRefreshTokenLeverNoLongerAcceptsSaysToLogInAgainNotThatAScopeIsMissing() {
    lever.on("/oauth/token", r -> LeverScript.json(403, "{\"error\": \"invalid_grant\","
        + " \"error_description\": \"Unknown or invalid refresh token.\"}"));

    TapRun run = sync();

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("the refresh token is no longer valid"), run::toString);
    assertTrue(run.stderr().contains("run 'tap-lever login'"), run::toString);
    assertFalse(run.stderr().contains("scope"), run::toString);
    assertNoSecretIn(run);
  }

  @Test
  void aStreamsOwn403StillNamesTheScope() {
    lever.on("/v1/opportunities", r -> LeverScript.json(403, "{\"code\": \"Forbidden\"}"));

    TapRun run = sync();

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("lacks the 'opportunities:read:admin' scope"), run::toString);
  }

  @Test
  void aSecondRunOnALockedConfigExits2NamingTheHoldersPidBeforeAnyRequest() {
    try (ConfigLock held = ConfigLock.acquire(config, 4242)) {
      TapRun run = sync();

      assertEquals(2, run.exitCode(), run::toString);
      assertEquals("", run.stdout());
      assertTrue(run.stderr().contains("another tap-lever run (pid 4242) is using config file "
          + config), run::toString);
      assertEquals(List.of(), lever.requests(), "no token was spent");
    }
  }

  @Test
  void aLockHeldByAnotherProcessStopsTheRunAndIsTakenOverOnceThatProcessIsKilled()
      throws Exception {
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
        config.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
          StandardCharsets.UTF_8));
      assertEquals("locked", out.readLine());

      TapRun blocked = sync();
      assertEquals(2, blocked.exitCode(), blocked::toString);
      assertTrue(blocked.stderr().contains("(pid " + holder.pid() + ")"), blocked::toString);
      assertEquals(0, refreshes);
    } finally {
      holder.destroyForcibly(); // SIGKILL: the holder cannot clean up; its lock file stays
      assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
    }
    assertTrue(Files.exists(ConfigLock.fileFor(config)));

    TapRun after = sync();

    assertEquals(0, after.exitCode(), after::toString);
    assertEquals(Long.toString(ProcessHandle.current().pid()),
        Files.readString(ConfigLock.fileFor(config)).strip());
  }

  @Test
  void aFullDiskIsFoundBeforeTheRefreshTokenIsSpent() throws IOException {
    TapRun run = TapRun.Setup.defaults().files((file, content) -> {
      throw new IOException("No space left on device");
    }).run("--config", config.toString(), "--catalog", catalog.toString());

    assertEquals(2, run.exitCode(), run::toString);
    assertEquals("", run.stdout());
    assertTrue(run.stderr().contains("cannot be rewritten (No space left on device)"), run::toString);
    assertEquals(0, refreshes, "the refresh token is unspent");
    assertEquals(FIRST, savedToken());
  }

  @Test
  void aRotatedTokenTheConfigCannotTakeIsKeptBesideItAndTheNextRunUsesIt() throws IOException {
    FileWrites fillsUp = fullAfterTheRehearsal();

    TapRun first = TapRun.Setup.defaults().files(fillsUp)
        .run("--config", config.toString(), "--catalog", catalog.toString());

    Path kept = dir.resolve("config.json.refresh-token");
    // The refresh comes with the first data request, after the run's first STATE and SCHEMA:
    // output has started, so the failure is exit 1, not 2 (which promises an empty stdout).
    assertEquals(1, first.exitCode(), first::toString);
    assertEquals("STATE", first.messages().get(0).get("type").asText(), first::toString);
    assertEquals(List.of(), first.records("opportunities"), "the new access token was not used");
    assertEquals(List.of(), lever.requestsTo("/v1/opportunities"));
    assertTrue(first.stderr().contains("it is kept in " + kept + " (mode 0600), which the next run"
        + " uses"), first::toString);
    assertEquals(FIRST, savedToken());
    assertEquals("rt-SECRET-1", JSON.readTree(kept.toFile()).get("refresh_token").asText());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    assertNoSecretIn(first);

    TapRun second = sync();

    assertEquals(0, second.exitCode(), second::toString);
    assertEquals(List.of(FIRST, "rt-SECRET-1"), refreshTokensSent());
    assertEquals("rt-SECRET-2", savedToken());
    assertFalse(Files.exists(kept), "removed once the config holds the newest token");
  }

  @Test
  void aRedirectFromTheTokenEndpointIsNotFollowedAndTheErrorNamesOnlyItsHost() throws IOException {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      String target = elsewhere.url("/steal").newBuilder().username("user").password("PASSWORD-5")
          .addQueryParameter("q", "QUERY-5").build().toString();
      lever.on("/oauth/token", r -> new MockResponse.Builder().code(307)
          .addHeader("Location", target).build());

      TapRun run = sync();

      assertEquals(1, run.exitCode(), run::toString);
      assertEquals(0, elsewhere.getRequestCount(), "nothing was re-posted to the other host");
      assertTrue(run.stderr().contains("answered 307 redirecting the OAuth token refresh to http://"
          + elsewhere.getHostName() + ":" + elsewhere.getPort() + "/steal;"), run::toString);
      for (String hidden : List.of("PASSWORD-5", "QUERY-5", "user")) {
        assertFalse(run.stderr().contains(hidden), () -> hidden + " in " + run);
      }
      assertNoSecretIn(run);
    }
  }

  /**
   * Once two locks (config.json.lock and link.json.lock): a run through a symlink and one on the
   * file itself both refreshed with the same token.
   */
  @Test
  void aRunThroughASymlinkTakesTheLockOfTheFileItNames() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), config.getFileName());
    try (ConfigLock held = ConfigLock.acquire(config, 4242)) {
      TapRun run = TapRun.of("--config", link.toString(), "--catalog", catalog.toString());

      assertEquals(2, run.exitCode(), run::toString);
      assertEquals("", run.stdout());
      assertTrue(run.stderr().contains("another tap-lever run (pid 4242) is using config file "
          + config), run::toString);
      assertEquals(List.of(), lever.requests(), "no token was spent");
    }
    assertFalse(Files.exists(dir.resolve("link.json.lock"), LinkOption.NOFOLLOW_LINKS));
  }

  /** Once the write-back replaced link.json with a regular file, leaving config.json's token spent. */
  @Test
  void aRotatedTokenIsSavedInTheFileASymlinkNamesAndTheSymlinkStays() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), config.getFileName());

    TapRun run = TapRun.of("--config", link.toString(), "--catalog", catalog.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(Files.isSymbolicLink(link), "still a symlink");
    assertEquals(config.getFileName(), Files.readSymbolicLink(link));
    assertEquals("rt-SECRET-1", savedToken());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    assertTrue(Files.exists(ConfigLock.fileFor(config)));
    assertFalse(Files.exists(dir.resolve("link.json.lock"), LinkOption.NOFOLLOW_LINKS));

    TapRun again = TapRun.of("--config", config.toString(), "--catalog", catalog.toString());

    assertEquals(0, again.exitCode(), again::toString);
    assertEquals(List.of(FIRST, "rt-SECRET-1"), refreshTokensSent(), "each token spent once");
  }

  /**
   * Room for the rehearsal (zeros), none when config.json itself is rewritten: the disk filled
   * between the check and the save. The kept-token file still fits.
   */
  private static FileWrites fullAfterTheRehearsal() {
    FileWrites real = FileWrites.system();
    return (file, content) -> {
      String name = file.getFileName().toString();
      if (name.startsWith(".config.json.") && !name.startsWith(".config.json.refresh-token")
          && content.length > 0 && content[0] == '{') {
        throw new IOException("No space left on device");
      }
      real.writeDurably(file, content);
    };
  }

  @Test
  void aTokenKeptAsideThroughASymlinkWaitsBesideTheFileItNames() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), config.getFileName());
    FileWrites fillsUp = fullAfterTheRehearsal();

    TapRun first = TapRun.Setup.defaults().files(fillsUp)
        .run("--config", link.toString(), "--catalog", catalog.toString());

    assertTrue(first.stderr().contains("it is kept in " + dir.resolve("config.json.refresh-token")),
        first::toString);
    assertFalse(Files.exists(dir.resolve("link.json.refresh-token"), LinkOption.NOFOLLOW_LINKS));

    TapRun second = TapRun.of("--config", config.toString(), "--catalog", catalog.toString());

    assertEquals(0, second.exitCode(), second::toString);
    assertEquals(List.of(FIRST, "rt-SECRET-1"), refreshTokensSent());
  }

  @Test
  void anApiKeyConfigTakesNoLock() {
    Path apiKey = files.write("apikey.json", "{\"api_key\": \"sk-SECRET-4\", \"start_date\":"
        + " \"2020-01-01T00:00:00Z\", \"base_url\": \"" + server.url("/v1") + "\"}");
    try (ConfigLock held = ConfigLock.acquire(apiKey, 4242)) {
      TapRun run = TapRun.of("--config", apiKey.toString(), "--catalog", catalog.toString());

      assertEquals(0, run.exitCode(), run::toString);
    }
  }

}
