package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.testing.LeverScript;
import taplever.testing.TapFixture;
import taplever.testing.TapRun;

/**
 * Lever's text cannot forge our logs: whatever Lever sends (field names, error messages) reaches
 * stderr escaped and cut, and a flood of new fields gives a bounded number of bounded lines.
 */
class LeverTextOnStderrTest {
  private final MockWebServer server = new MockWebServer();
  private final LeverScript lever = new LeverScript();
  private TapFixture tap;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    server.setDispatcher(lever);
    server.start();
    tap = new TapFixture(dir, server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TapRun syncUsers() {
    return TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("users").toString());
  }

  @Test
  void newFieldNamesAreEscapedInTheDriftWarningsAndTheSummary() {
    lever.pages("/v1/users", List.of("[{\"id\": \"u1\", \"a\\r\\nFAKE LOG LINE\": 1,"
        + " \"x\\u0000y\": 2, \"\\u202Eevil\": 3}]"));

    TapRun run = syncUsers();

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(1, run.records("users").get(0).get("a\r\nFAKE LOG LINE").asInt(),
        "the record keeps Lever's name as it is");
    String err = run.stderr();
    assertFalse(err.contains("\r"), "a raw CR on stderr");
    assertFalse(err.contains("\u0000"), "a raw NUL on stderr");
    assertFalse(err.contains("\u202E"), "a raw U+202E on stderr");
    assertTrue(err.lines().noneMatch(l -> l.startsWith("FAKE LOG LINE")), err);
    assertTrue(err.contains("WARN users.a\\r\\nFAKE LOG LINE first seen, kept;"), err);
    assertTrue(err.contains("WARN users.x\\u0000y first seen, kept;"), err);
    assertTrue(err.contains("WARN users.\\u202Eevil first seen, kept;"), err);
    assertTrue(err.contains("\n    users (3): a\\r\\nFAKE LOG LINE, x\\u0000y, \\u202Eevil\n"),
        err);
  }

  @Test
  void nineThousandNewFieldsGiveABoundedNumberOfBoundedLines() {
    StringBuilder record = new StringBuilder("[{\"id\": \"u1\"");
    for (int i = 0; i < 9_000; i++) {
      record.append(", \"brandNew").append(i).append("\": ").append(i);
    }
    lever.pages("/v1/users", List.of(record.append("}]").toString()));

    TapRun run = syncUsers();

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(9_000, run.records("users").get(0).size() - 1, "every field is kept");
    List<String> lines = run.stderr().lines().toList();
    long drift = lines.stream().filter(l -> l.startsWith("WARN users.")
        || l.startsWith("WARN stream users: Lever sent more than")).count();
    assertEquals(21, drift, "20 named fields and one line saying there are more");
    int longest = lines.stream().mapToInt(String::length).max().orElse(0);
    assertTrue(longest < 1_000, "longest stderr line: " + longest + " chars");
    assertTrue(run.stderr().length() < 16_000, run.stderr().length() + " chars of stderr");
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("    users (9,000): brandNew0, brandNew1,")
        && l.matches(".*, \\+8,9\\d\\d more")), run::toString);
  }

  @Test
  void leversErrorMessageIsEscapedAndCutInTheLastLine() {
    lever.on("/v1/users", r -> LeverScript.json(422, "{\"code\": \"Bad\", \"message\": \"no"
        + "\\u2028CRITICAL tap-lever: forged\\u0000\\u001b[2J\\u202E" + "x".repeat(10_000) + "\"}"));

    TapRun run = syncUsers();

    assertEquals(1, run.exitCode(), run::toString);
    String err = run.stderr();
    for (String raw : List.of("\u2028", "\u0000", "\u001b", "\u202E")) {
      assertFalse(err.contains(raw), "raw U+" + Integer.toHexString(raw.charAt(0)) + ": " + err);
    }
    List<String> critical = err.lines().filter(l -> l.contains("CRITICAL")).toList();
    assertEquals(1, critical.size(), err);
    assertTrue(critical.get(0).startsWith("CRITICAL tap-lever: "), err);
    assertTrue(critical.get(0).contains("Bad: no\\u2028CRITICAL tap-lever: forged\\u0000\\u001B[2J"
        + "\\u202Exxx"), err);
    assertTrue(critical.get(0).length() < 1_000, critical.get(0).length() + " chars");
  }
}
