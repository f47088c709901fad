package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.error.ExitCode;
import taplever.testing.FakeRuntime;
import taplever.testing.LeverScript;
import taplever.testing.TapFixture;
import taplever.testing.TapRun;

/** The CLI's wiring: exit codes, shared options, and the runtime seam tests go through. */
class CommandLineTest {
  @TempDir
  Path dir;

  @Test
  void helpListsEveryExitCodeFromTheEnum() {
    TapRun run = TapRun.of("--help");

    assertEquals(0, run.exitCode(), run::toString);
    for (ExitCode code : ExitCode.values()) {
      assertTrue(run.stdout().matches("(?s).*\\n\\s*" + code.code() + "\\s+"
          + java.util.regex.Pattern.quote(code.meaning().substring(0, Math.min(20, code.meaning().length()))) + ".*"),
          () -> code + " in " + run.stdout());
    }
  }

  @Test
  void loginAndDemoShareTheLogLevelOption() {
    for (String command : List.of("login", "demo")) {
      TapRun run = TapRun.of(command, "--help");
      assertTrue(run.stdout().contains("--log-level=LEVEL"), () -> command + ": " + run);
    }
    assertTrue(TapRun.of("login", "--help").stdout().contains("--config=FILE"));
  }

  /** Once "internal error (IllegalArgumentException)", exit 1. */
  @Test
  void demoWithAnImpossibleOptionIsAUsageErrorNamingIt() {
    for (List<String> args : List.of(List.of("demo", "--opportunities", "-1"),
        List.of("demo", "--opportunities=-5"))) {
      TapRun run = TapRun.of(args.toArray(String[]::new));

      assertEquals(2, run.exitCode(), run::toString);
      assertEquals("", run.stdout(), run::toString);
      assertTrue(run.stderr().contains("CRITICAL tap-lever: demo: opportunities must be 0 or"
          + " more, not -"), run::toString);
      assertFalse(run.stderr().contains("internal error"), run::toString);
      assertFalse(run.stderr().contains("\tat "), run::toString);
    }
  }

  @Test
  void loginWithoutAConfigIsAUsageError() {
    TapRun run = TapRun.of("login", "--no-browser");
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("Missing required option: '--config=FILE'"), run::toString);
  }

  @Test
  void aRunOnFakeTimeWaitsOutARetryAfterWithoutSleeping() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      LeverScript lever = new LeverScript();
      int[] calls = {0};
      lever.on("/v1/tags", r -> ++calls[0] == 1
          ? new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build()
          : LeverScript.json(200, "{\"data\": [{\"id\": \"t1\", \"text\": \"a\"}], \"hasNext\": false}"));
      server.setDispatcher(lever);
      server.start();
      TapFixture tap = new TapFixture(dir, server);
      FakeRuntime time = new FakeRuntime();

      TapRun run = TapRun.Setup.defaults().time(time).run("--config",
          tap.config("\"max_retry_seconds\": 600").toString(), "--catalog",
          tap.catalog("tags").toString());

      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(1, run.records("tags").size());
      assertTrue(time.sleeps().contains(Duration.ofSeconds(120)), time.sleeps().toString());
    }
  }

  @Test
  void theStartDateIsCheckedAgainstTheRuntimesClock() {
    Path config = new taplever.testing.TempFiles(dir).write("config.json", "{\"api_key\": \"k\","
        + " \"start_date\": \"2025-07-01T00:00:00Z\"}");

    TapRun run = TapRun.Setup.defaults().time(new FakeRuntime()).run("--config", config.toString(),
        "--discover");

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("'start_date' is in the future"), run::toString);
  }

  @Test
  void piiReadsTheEnvironmentTheRunIsGiven() {
    Path config = new taplever.testing.TempFiles(dir).write("config.json", "{\"api_key\": \"k\","
        + " \"start_date\": \"2024-01-01T00:00:00Z\", \"pii\": {\"mode\": \"hash\","
        + " \"salt_env\": \"SALT_FOR_TEST\"}}");

    TapRun without = TapRun.of("--config", config.toString(), "--discover");
    TapRun with = TapRun.Setup.defaults().environment(Map.of("SALT_FOR_TEST", "salt-SECRET-3"))
        .run("--config", config.toString(), "--discover");

    assertEquals(2, without.exitCode(), without::toString);
    assertEquals(0, with.exitCode(), with::toString);
    assertFalse(with.stderr().contains("salt-SECRET-3"));
  }

  @Test
  void theCatalogInTheRepositoryIsWhatDiscoveryPrintsToday() throws Exception {
    Path config = new taplever.testing.TempFiles(dir).write("config.json", "{\"api_key\": \"k\","
        + " \"start_date\": \"2024-01-01T00:00:00Z\"}");

    TapRun run = TapRun.of("--config", config.toString(), "--discover");

    assertEquals(0, run.exitCode(), run::toString);
    ObjectMapper json = new ObjectMapper();
    assertEquals(json.readTree(Files.readString(Path.of("catalog.json"))),
        json.readTree(run.stdout()), "catalog.json is stale: regenerate it with"
            + " tap-lever --config config.json --discover > catalog.json");
  }
}
