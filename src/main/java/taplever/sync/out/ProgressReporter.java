package taplever.sync.out;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import taplever.error.ShownText;
import taplever.runtime.DaemonThreads;

/**
 * Human progress on stderr for long runs: every few seconds one line per active stream, and a
 * table at the end. Quiet below INFO (--log-level warn).
 */
public final class ProgressReporter implements AutoCloseable {
  /** New field names a summary row shows at most, and the width they may fill. */
  private static final int NAMES_SHOWN = 20;
  private static final int NAMES_WIDTH = 200;

  private final Logger log;
  private final SyncStats stats;
  private final ScheduledExecutorService timer;

  public ProgressReporter(SyncStats stats, Duration every, Logger log) {
    this.stats = stats;
    this.log = log;
    this.timer = Executors.newSingleThreadScheduledExecutor(
        new DaemonThreads("tap-lever-progress"));
    if (log.isInfoEnabled()) {
      timer.scheduleAtFixedRate(this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void report() {
    long now = stats.now();
    new TreeMap<>(stats.all()).forEach((stream, c) -> {
      if (c.endedNanos != 0) {
        return;
      }
      double secs = Math.max(c.duration(now).toMillis() / 1000.0, 0.001);
      log.info(String.format(Locale.ROOT, "progress %s: %,d records (%.0f/s), %,d requests, %,d"
          + " retries, %,d rate-limited", stream, c.records(), c.records() / secs, c.requests(),
          c.retries(), c.rateLimited()));
    });
  }

  /** The closing table: records, requests, retries and duration per stream. */
  public void summary() {
    if (!log.isInfoEnabled()) {
      return;
    }
    long now = stats.now();
    Map<String, SyncStats.Counters> all = new TreeMap<>(stats.all());
    StringBuilder table = new StringBuilder("summary:\n");
    table.append(String.format(Locale.ROOT, "  %-26s %12s %10s %8s %8s %10s%n", "stream", "records",
        "requests", "retries", "429s", "seconds"));
    all.forEach((stream, c) -> table.append(String.format(Locale.ROOT,
        "  %-26s %,12d %,10d %,8d %,8d %10.1f%n", stream, c.records(), c.requests(), c.retries(),
        c.rateLimited(), c.duration(now).toMillis() / 1000.0)));
    long changed = stats.childRequests(SyncStats.Reason.CHANGED);
    long live = stats.childRequests(SyncStats.Reason.LIVE);
    long rolling = stats.childRequests(SyncStats.Reason.ROLLING);
    if (changed + live + rolling > 0) {
      table.append(String.format(Locale.ROOT, "  child requests: %,d for changed parents, %,d for"
          + " live parents, %,d for the rolling refresh of archived parents%n", changed, live,
          rolling));
    }
    stats.notDelivered().forEach((stream, reasons) -> table.append("  not delivered: ")
        .append(stream).append(": ").append(NotDelivered.describe(reasons)).append('\n'));
    learned(table);
    log.info(table.toString().stripTrailing());
  }

  /**
   * The fields Lever sent that the schemas lack: one row per stream with their count and the
   * first names (Lever's, so escaped and cut), as many as fit {@value #NAMES_WIDTH} characters
   * and at most {@value #NAMES_SHOWN}; the rest are counted.
   */
  private void learned(StringBuilder table) {
    Map<String, TreeSet<String>> byStream = new TreeMap<>();
    for (String path : stats.learned()) {
      int dot = path.indexOf('.');
      byStream.computeIfAbsent(dot < 0 ? path : path.substring(0, dot), s -> new TreeSet<>())
          .add(path.substring(dot + 1));
    }
    if (byStream.isEmpty()) {
      return;
    }
    table.append("  fields Lever sent that the schemas lack:\n");
    byStream.forEach((stream, fields) -> {
      StringBuilder names = new StringBuilder();
      int shown = 0;
      for (String field : fields) {
        String name = ShownText.of(field);
        if (shown == NAMES_SHOWN
            || (shown > 0 && names.length() + 2 + name.length() > NAMES_WIDTH)) {
          break;
        }
        names.append(shown > 0 ? ", " : "").append(name);
        shown++;
      }
      table.append(String.format(Locale.ROOT, "    %s (%,d): %s%s%n", stream, fields.size(), names,
          shown < fields.size()
              ? String.format(Locale.ROOT, ", +%,d more", fields.size() - shown) : ""));
    });
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
