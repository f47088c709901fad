package taplever.cli.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.testing.Catalogs;
import taplever.testing.TapRun;

/**
 * {@code login --catalog} asks for what the catalog's sync needs, and a token holding exactly
 * that passes {@code check} against a fake that holds tokens to their scopes.
 */
class LoginCatalogTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final OkHttpClient browser = new OkHttpClient.Builder().callTimeout(WAIT).build();

  @TempDir
  Path dir;
  private FakeLever fake;

  @BeforeEach
  void start() throws IOException {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(8).withRateLimit(false)
        .withTokenScopesEnforced(true));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Path config(String extra) throws IOException {
    return Files.writeString(dir.resolve("config.json"), "{\"client_id\": \"fake-client-id\","
        + " \"client_secret\": \"fake-client-secret\", \"base_url\": \"" + fake.baseUrl() + "\","
        + " \"authorize_url\": \"" + fake.authorizeUrl() + "\", \"token_url\": \""
        + fake.tokenUrl() + "\", \"start_date\": \"2020-01-01T00:00:00Z\"" + extra + "}");
  }

  private Path catalog(String name, String... streams) throws IOException {
    return Files.writeString(dir.resolve(name), Catalogs.selecting(streams));
  }

  private static LoginRun login(Path config, String... more) {
    List<String> args = new ArrayList<>(List.of("login", "--config", config.toString(),
        "--no-browser", "--port", "0"));
    args.addAll(Arrays.asList(more));
    return LoginRun.start(args.toArray(String[]::new));
  }

  private HttpUrl awaitUrl(LoginRun run) throws InterruptedException {
    return HttpUrl.get(run.awaitLine(l -> l.startsWith(fake.authorizeUrl() + "?"), WAIT));
  }

  /** Plays the consenting browser and waits for login to save the token. */
  private void consent(LoginRun run, HttpUrl authorize) throws Exception {
    try (Response r = browser.newCall(new Request.Builder().url(authorize).build()).execute()) {
      assertEquals(200, r.code());
    }
    assertEquals(0, run.awaitExit(WAIT), run::stderr);
  }

  @Test
  void aCatalogAsksForExactlyTheScopesItsStreamsNeed() throws Exception {
    Path catalog = catalog("catalog.json", "opportunity_feedback", "users", "audit_events",
        "candidates");

    try (LoginRun run = login(config(""), "--catalog", catalog.toString(), "--timeout-seconds",
        "1")) {
      // feedback is read through opportunities, listed with confidentiality=all; the deprecated
      // candidates endpoints need the opportunity scope, not the legacy candidates:read:admin.
      assertEquals("audit_events:read:admin confidential:access:admin feedback:read:admin"
          + " offline_access opportunities:read:admin users:read:admin",
          awaitUrl(run).queryParameter("scope"));
      assertEquals(1, run.awaitExit(WAIT), run::stderr);
    }
  }

  @Test
  void theScopesOptionAndTheConfigsScopesStillWinOverACatalog() throws Exception {
    Path catalog = catalog("catalog.json", "opportunity_feedback");

    try (LoginRun run = login(config(", \"scopes\": \"users:read:admin\""), "--catalog",
        catalog.toString(), "--timeout-seconds", "1")) {
      assertEquals("offline_access users:read:admin", awaitUrl(run).queryParameter("scope"));
      run.awaitExit(WAIT);
      assertTrue(run.stderr().contains("--catalog does not choose the scopes: the config's"
          + " 'scopes' wins over it"), run::stderr);
    }
    try (LoginRun run = login(config(""), "--catalog", catalog.toString(), "--scopes",
        "tags:read:admin", "--timeout-seconds", "1")) {
      assertEquals("offline_access tags:read:admin", awaitUrl(run).queryParameter("scope"));
      run.awaitExit(WAIT);
    }
  }

  @Test
  void aCatalogSelectingNothingOrABadCatalogIsAUsageError() throws Exception {
    Path config = config("");
    Path none = Files.writeString(dir.resolve("none.json"), "{\"streams\": []}");

    TapRun empty = TapRun.of("login", "--config", config.toString(), "--catalog",
        none.toString(), "--no-browser");
    TapRun missing = TapRun.of("login", "--config", config.toString(), "--catalog",
        dir.resolve("absent.json").toString(), "--no-browser");

    assertEquals(2, empty.exitCode(), empty::toString);
    assertTrue(empty.stderr().contains("selects no stream"), empty::toString);
    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(!missing.stderr().contains("Open this URL"), missing::toString);
  }

  @Test
  void aTokenForTheCatalogPassesTheCheckAndAWiderCatalogNamesTheLoginThatFixesIt()
      throws Exception {
    Path config = config("");
    Path narrow = catalog("narrow.json", "opportunities", "opportunity_offers", "users");
    try (LoginRun run = login(config, "--catalog", narrow.toString())) {
      consent(run, awaitUrl(run));
    }

    TapRun passes = TapRun.of("check", "--config", config.toString(), "--catalog",
        narrow.toString());
    assertEquals(0, passes.exitCode(), passes::toString);

    Path wide = catalog("wide.json", "opportunities", "opportunity_offers", "opportunity_notes",
        "users");
    TapRun fails = TapRun.of("check", "--config", config.toString(), "--catalog",
        wide.toString());
    assertEquals(1, fails.exitCode(), fails::toString);
    assertTrue(fails.stderr().contains("missing scope notes:read:admin"), fails::toString);
    String command = "tap-lever login --config " + config + " --catalog " + wide;
    assertTrue(fails.stderr().contains("To grant the missing scopes: " + command), fails::toString);

    try (LoginRun run = login(config, "--catalog", wide.toString())) {
      consent(run, awaitUrl(run));
    }
    TapRun fixed = TapRun.of("check", "--config", config.toString(), "--catalog",
        wide.toString());
    assertEquals(0, fixed.exitCode(), fixed::toString);
  }
}
