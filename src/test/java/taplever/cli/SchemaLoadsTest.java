package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.error.ExitCode;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.testing.Catalogs;
import taplever.testing.TapRun;
import taplever.testing.TempFiles;

/**
 * Every command reads the 37 schema files once, whatever it does with them (the catalog, the
 * selection, the {@code pii.fields} check, the config read again under the OAuth lock): the
 * environment's loader is the only way to them, and this test counts its calls.
 */
class SchemaLoadsTest {
  /** Per test instance: no state shared between runs. */
  private final AtomicInteger loads = new AtomicInteger();
  private final TapRun.Setup counting = TapRun.Setup.defaults().schemas(() -> {
    loads.incrementAndGet();
    return CommandEnvironment.schemasFromJar();
  });
  private FakeLever fake;
  private TempFiles files;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(3).withRateLimit(false));
    files = new TempFiles(dir);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Path config(String credentials) {
    return files.write("config.json", "{\"base_url\": \"" + fake.baseUrl() + "\", " + credentials
        + ", \"start_date\": \"2000-01-01T00:00:00Z\", \"max_retry_seconds\": 2,"
        + " \"pii\": {\"mode\": \"drop\", \"fields\": [\"users.email\"]}}");
  }

  private Path apiKey() {
    return config("\"api_key\": \"fake-api-key\"");
  }

  private Path oauth() {
    return config("\"client_id\": \"fake-client-id\", \"client_secret\": \"fake-client-secret\","
        + " \"refresh_token\": \"fake-refresh-0\", \"token_url\": \"" + fake.tokenUrl() + "\","
        + " \"authorize_url\": \"" + fake.authorizeUrl() + "\"");
  }

  private Path catalog() {
    return files.write("catalog.json", Catalogs.selecting("users"));
  }

  private int loadsOf(int exitCode, String... args) {
    loads.set(0);
    TapRun run = counting.run(args);
    assertEquals(exitCode, run.exitCode(), run::toString);
    return loads.get();
  }

  @Test
  void discoverLoadsTheSchemasOnce() {
    assertEquals(1, loadsOf(0, "--config", apiKey().toString(), "--discover"));
  }

  @Test
  void aSyncLoadsThemOnceWithAnApiKeyOrOAuth() {
    assertEquals(1, loadsOf(0, "--config", apiKey().toString(), "--catalog",
        catalog().toString()));
    assertEquals(1, loadsOf(0, "--config", oauth().toString(), "--catalog",
        catalog().toString()));
  }

  @Test
  void aCheckLoadsThemOnceWithAnApiKeyOrOAuth() {
    assertEquals(1, loadsOf(0, "check", "--config", apiKey().toString(), "--catalog",
        catalog().toString()));
    assertEquals(1, loadsOf(0, "check", "--config", oauth().toString(), "--catalog",
        catalog().toString()));
  }

  @Test
  void aLoginLoadsThemOnce() {
    // No one authorizes: the login gives up after a second, having read everything it needs.
    assertEquals(1, loadsOf(ExitCode.FAILURE.code(), "login", "--config", oauth().toString(),
        "--catalog", catalog().toString(), "--no-browser", "--timeout-seconds", "1"));
  }
}
