package taplever.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Counts one run's requests by kind from the fake Lever's request log. The log keeps only its last
 * 100,000 entries and a full sync of a large account makes several times that, so a daemon thread
 * reads it while the run goes on and takes each time only the entries after the last one it saw
 * (found by identity: every entry is a string of its own). The fake's own request counter checks
 * that nothing slipped past.
 */
final class RequestTally implements AutoCloseable {
  /** A run's requests: per-parent child pages by child kind, opportunity list pages, the rest. */
  record Counts(long total, long opportunityPages, long otherPages, Map<String, Long> childPages,
      long unaccounted) {
    long children() {
      return childPages.values().stream().mapToLong(Long::longValue).sum();
    }

    long listPages() {
      return opportunityPages + otherPages;
    }
  }

  private static final long POLL_MILLIS = 100;
  private final Supplier<List<String>> log;
  private final LongSupplier served;
  private final long servedBefore;
  private final Map<String, Long> childPages = new TreeMap<>();
  private final Thread poller;
  private String lastSeen;
  private long opportunityPages;
  private long otherPages;
  private volatile boolean running = true;

  /**
   * @param log the fake's request log, oldest first
   * @param served the fake's count of data requests answered
   */
  RequestTally(Supplier<List<String>> log, LongSupplier served) {
    this.log = log;
    this.served = served;
    List<String> before = log.get();
    this.lastSeen = before.isEmpty() ? null : before.get(before.size() - 1);
    this.servedBefore = served.getAsLong();
    this.poller = new Thread(this::pollUntilClosed, "request-tally");
    poller.setDaemon(true);
    poller.start();
  }

  private void pollUntilClosed() {
    while (running) {
      poll();
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void poll() {
    List<String> entries = log.get();
    int from = 0;
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i) == lastSeen) {
        from = i + 1;
        break;
      }
    }
    for (int i = from; i < entries.size(); i++) {
      count(entries.get(i));
    }
    if (!entries.isEmpty()) {
      lastSeen = entries.get(entries.size() - 1);
    }
  }

  private void count(String entry) {
    // "GET /v1/opportunities/<id>/offers?limit=100"
    int space = entry.indexOf(' ');
    int query = entry.indexOf('?');
    String path = entry.substring(space + 1, query < 0 ? entry.length() : query);
    String[] parts = path.split("/");
    boolean parentList = parts.length == 3 && (parts[2].equals("opportunities")
        || parts[2].equals("candidates"));
    boolean child = parts.length == 5 && (parts[2].equals("opportunities")
        || parts[2].equals("candidates"));
    if (child) {
      childPages.merge(parts[4], 1L, Long::sum);
    } else if (parentList) {
      opportunityPages++;
    } else {
      otherPages++;
    }
  }

  /** Stops reading the log and counts what is left. */
  Counts finish() {
    running = false;
    poller.interrupt();
    try {
      poller.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    poll();
    synchronized (this) {
      long total = served.getAsLong() - servedBefore;
      long seen = opportunityPages + otherPages
          + childPages.values().stream().mapToLong(Long::longValue).sum();
      return new Counts(total, opportunityPages, otherPages, Map.copyOf(childPages), total - seen);
    }
  }

  @Override
  public void close() {
    running = false;
    poller.interrupt();
  }
}
