package taplever.sync.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import taplever.testing.RecordingLogs;

/** The end-of-run summary: a table whose lines stay readable whatever Lever sent. */
class ProgressReporterTest {

  private static List<String> summary(Consumer<SyncStats> run) {
    SyncStats stats = new SyncStats(() -> 0L);
    stats.records("users", 3);
    run.accept(stats);
    RecordingLogs logs = new RecordingLogs();
    try (ProgressReporter progress = new ProgressReporter(stats, Duration.ofHours(1),
        logs.getLogger("tap-lever.progress"))) {
      progress.summary();
    }
    return logs.lines();
  }

  @Test
  void newFieldsAreListedPerStreamWithTheirCount() {
    List<String> lines = summary(s -> {
      s.learned("users.zeta");
      s.learned("users.alpha");
      s.learned("opportunities.urls.brandNewNested");
    });

    assertEquals(List.of("INFO summary:",
        "  stream                          records   requests  retries     429s    seconds",
        "  users                                 3          0        0        0        0.0",
        "  fields Lever sent that the schemas lack:",
        "    opportunities (1): urls.brandNewNested",
        "    users (2): alpha, zeta"), lines);
  }

  @Test
  void newFieldNamesAreEscapedSoLeverCannotForgeASummaryLine() {
    List<String> lines = summary(s -> {
      s.learned("users.a\r\nFAKE LOG LINE");
      s.learned("users.x\u0000y");
      s.learned("users.\u202Eevil");
    });

    String text = String.join("\n", lines);
    assertFalse(text.contains("\r") || text.contains("\u0000") || text.contains("\u202E"), text);
    assertTrue(lines.contains("    users (3): a\\r\\nFAKE LOG LINE, x\\u0000y, \\u202Eevil"), text);
  }

  @Test
  void nineThousandNewFieldsMakeOneBoundedRow() {
    List<String> lines = summary(s -> {
      for (int i = 0; i < 9_000; i++) {
        s.learned("users.brandNew" + i);
      }
      s.learned("contacts." + "n".repeat(100_000));
    });

    int longest = lines.stream().mapToInt(String::length).max().orElse(0);
    assertTrue(longest < 300, "longest summary line: " + longest + " chars");
    assertEquals(6, lines.size(), lines::toString);
    assertTrue(lines.get(5).startsWith("    users (9,000): brandNew0, brandNew1, brandNew10,"),
        lines.get(5));
    assertTrue(lines.get(5).endsWith(", +8,985 more"), lines.get(5));
    assertEquals("    contacts (1): " + "n".repeat(200) + "…(+99800 chars)", lines.get(4));
  }

  @Test
  void aRowNamesTwentyFieldsAtMost() {
    List<String> lines = summary(s -> {
      for (char c = 'a'; c <= 'z'; c++) {
        s.learned("users." + c);
      }
    });

    assertEquals("    users (26): a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, +6 more",
        lines.get(lines.size() - 1));
  }
}
