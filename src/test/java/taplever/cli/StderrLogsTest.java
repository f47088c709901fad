package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import taplever.error.InputException;

class StderrLogsTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter err = new PrintWriter(text);

  private List<String> lines() {
    return text.toString().lines().toList();
  }

  @Test
  void writesEachLineAsLevelThenMessageWithItsArguments() {
    new StderrLogs(Level.INFO, err).getLogger("x").info("synced {} records of {}", 3, "users");
    assertEquals(List.of("INFO synced 3 records of users"), lines());
  }

  @Test
  void anArgumentCannotForgeALine() {
    new StderrLogs(Level.DEBUG, err).getLogger("x").debug("{}: parent {} not found; skipped",
        "offers", "o1\nERROR forged\u202E\u0000");
    assertEquals(List.of("DEBUG offers: parent o1\\nERROR forged\\u202E\\u0000 not found;"
        + " skipped"), lines());
  }

  @Test
  void anArgumentIsCutButNumbersAndArraysShowAsBefore() {
    Logger log = new StderrLogs(Level.INFO, err).getLogger("x");
    log.warn("{} for {}", "x".repeat(10_000), "/users");
    log.info("{} {} {} {}", 7, true, new int[] {1, 2}, null);
    assertEquals(List.of("WARN " + "x".repeat(2_000) + "…(+8000 chars) for /users",
        "INFO 7 true [1, 2] null"), lines());
  }

  @Test
  void dropsWhatIsBelowTheLevel() {
    Logger log = new StderrLogs(Level.WARN, err).getLogger("x");
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    assertEquals(List.of("WARN w", "ERROR e"), lines());
    assertFalse(log.isInfoEnabled());
    assertTrue(log.isWarnEnabled());
  }

  @Test
  void aStackTraceOnlyAtDebug() {
    new StderrLogs(Level.INFO, err).getLogger("x").warn("failed", new IllegalStateException("boom"));
    assertEquals(List.of("WARN failed"), lines());

    StringWriter debugText = new StringWriter();
    new StderrLogs(Level.DEBUG, new PrintWriter(debugText)).getLogger("x")
        .warn("failed", new IllegalStateException("boom"));
    assertTrue(debugText.toString().contains("java.lang.IllegalStateException: boom"));
    assertTrue(debugText.toString().contains("\tat "));
  }

  @Test
  void linesFromManyThreadsNeverInterleave() throws InterruptedException {
    StderrLogs logs = new StderrLogs(Level.INFO, err);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      int thread = t;
      pool.execute(() -> {
        for (int i = 0; i < 200; i++) {
          logs.getLogger("t" + thread).info("thread {} line {} {}", thread, i, "x".repeat(200));
        }
      });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    List<String> lines = lines();
    assertEquals(1600, lines.size());
    for (String line : lines) {
      assertTrue(line.matches("INFO thread \\d line \\d+ x{200}"), line);
    }
  }

  @Test
  void oneLoggerPerName() {
    StderrLogs logs = new StderrLogs(Level.INFO, err);
    assertSame(logs.getLogger("a"), logs.getLogger("a"));
  }

  @Test
  void parsesTheLevelNamesTheOptionAccepts() {
    List<Level> parsed = new ArrayList<>();
    for (String name : List.of("debug", "INFO", " warn ", "warning", "error")) {
      parsed.add(StderrLogs.parseLevel(name));
    }
    assertEquals(List.of(Level.DEBUG, Level.INFO, Level.WARN, Level.WARN, Level.ERROR), parsed);
    assertEquals("--log-level must be debug, info, warn or error, not 'loud'",
        assertThrows(InputException.class, () -> StderrLogs.parseLevel("loud")).getMessage());
  }
}
