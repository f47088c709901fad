package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import taplever.testing.LeverScript;
import taplever.testing.TapFixture;
import taplever.testing.TapRun;

/**
 * States the red team found accepted, then failing mid-sync with an internal error after records
 * were written: each is now refused at load, before any request, naming the stream and the key.
 */
class StateRangeTest {
  private static final String MARK = "\"replication_key\": \"updatedAt\", \"replication_key_value\":"
      + " \"2024-01-01T00:00:00.000Z\"";
  private final MockWebServer server = new MockWebServer();
  private final LeverScript lever = new LeverScript();
  private TapFixture tap;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    server.setDispatcher(lever);
    server.start();
    tap = new TapFixture(dir, server);
    // A Lever with records, so a state that is wrongly accepted gets far into the sync.
    lever.pages("/v1/opportunities", List.of("[{\"id\": \"o1\", \"createdAt\": 1704067200000,"
        + " \"updatedAt\": 1710000000000, \"archived\": null}]"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A rolling refresh of the offers with {@code field} replaced by {@code value}. */
  private static String rolling(String field, String value) {
    String[][] fields = {{"cycle_start", "\"2026-01-01T00:00:00Z\""},
        {"position", "\"2026-01-01T00:00:00Z\""}, {"window_seconds", "86400"}, {"done", "0"},
        {"total", "0"}, {"last_run", "\"2026-01-01T00:00:00Z\""}};
    StringBuilder r = new StringBuilder();
    for (String[] f : fields) {
      r.append(r.length() == 0 ? "" : ", ").append('"').append(f[0]).append("\": ")
          .append(f[0].equals(field) ? value : f[1]);
    }
    return "{\"bookmarks\": {\"opportunities\": {" + MARK + "}, \"opportunity_offers\": {" + MARK
        + ", \"rolling_refresh\": {" + r + "}}}}";
  }

  static Stream<Arguments> statesOutOfRange() {
    String where = "of 'opportunity_offers rolling_refresh'";
    return Stream.of(
        Arguments.of("window_seconds Long.MAX_VALUE", rolling("window_seconds", "9223372036854775807"),
            "'window_seconds' " + where),
        Arguments.of("window_seconds 1e30", rolling("window_seconds", "1e30"),
            "'window_seconds' " + where),
        Arguments.of("position in year +999999999", rolling("position",
            "\"+999999999-12-31T23:59:59Z\""), "'position' " + where),
        Arguments.of("cycle_start in year +999999999, total 0", rolling("cycle_start",
            "\"+999999999-12-31T23:59:59Z\""), "'cycle_start' " + where),
        Arguments.of("cycle_start in year -999999999, total 0", rolling("cycle_start",
            "\"-999999999-01-01T00:00:00Z\""), "'cycle_start' " + where),
        Arguments.of("a 1 MB progress.offset", "{\"bookmarks\": {\"opportunities\": {" + MARK
            + ", \"progress\": {\"window_start\": \"2024-01-01T00:00:00Z\", \"window_end\":"
            + " \"2024-06-01T00:00:00Z\", \"offset\": \"" + "x".repeat(1_000_000) + "\"}}}}",
            "'progress.offset' of 'opportunities'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statesOutOfRange")
  void aStateOutOfRangeExits2BeforeAnyRequestNamingTheStreamAndKey(String name, String state,
      String expected) {
    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("opportunities", "opportunity_offers").toString(), "--state",
        tap.file("state.json", state).toString());

    assertEquals(2, run.exitCode(), run::toString);
    assertEquals("", run.stdout(), "nothing on stdout");
    List<String> critical = Arrays.stream(run.stderr().split("\n"))
        .filter(l -> l.startsWith("CRITICAL")).toList();
    assertEquals(1, critical.size(), run::toString);
    assertTrue(critical.get(0).contains(expected), () -> "expected '" + expected + "' in " + run);
    assertFalse(run.stderr().contains("internal error"), run::toString);
    assertEquals(List.of(), lever.requests(), "no request was made");
  }
}
