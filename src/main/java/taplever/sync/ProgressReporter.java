package taplever.sync;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Human progress on stderr for long runs: every few seconds one line per active stream, and a
 * table at the end. Quiet below INFO (--log-level warn).
 */
public final class ProgressReporter implements AutoCloseable {
  private final Logger log;
  private final SyncStats stats;
  private final ScheduledExecutorService timer;

  public ProgressReporter(SyncStats stats, Duration every, Logger log) {
    this.stats = stats;
    this.log = log;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tap-lever-progress");
      t.setDaemon(true);
      return t;
    });
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
    if (!stats.learned().isEmpty()) {
      table.append("  fields Lever sent that the schemas lack: ")
          .append(String.join(", ", new java.util.TreeSet<>(stats.learned()))).append('\n');
    }
    log.info(table.toString().stripTrailing());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
