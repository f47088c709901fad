package taplever.sync.out;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters per stream for progress lines, METRIC lines and the closing summary. */
public final class SyncStats {

  /** One stream's counters; thread-safe. */
  public static final class Counters {
    final LongAdder records = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    volatile long startedNanos;
    volatile long endedNanos;

    public long records() {
      return records.sum();
    }

    public long requests() {
      return requests.sum();
    }

    public long retries() {
      return retries.sum();
    }

    public long rateLimited() {
      return rateLimited.sum();
    }

    public Duration duration(long nowNanos) {
      if (startedNanos == 0) {
        return Duration.ZERO;
      }
      return Duration.ofNanos((endedNanos == 0 ? nowNanos : endedNanos) - startedNanos);
    }
  }

  /** Why a child request was made: its parent changed, is live, or is due in the rolling refresh. */
  public enum Reason { CHANGED, LIVE, ROLLING }

  private final Map<String, Counters> byStream = new ConcurrentHashMap<>();
  private final Map<Reason, LongAdder> childRequests = new java.util.EnumMap<>(Reason.class);
  private final java.util.Set<String> learned = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<String, LongAdder>> notDelivered = new ConcurrentHashMap<>();

  {
    for (Reason r : Reason.values()) {
      childRequests.put(r, new LongAdder());
    }
  }
  private final java.util.function.LongSupplier nanoTime;

  public SyncStats(java.util.function.LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  public Counters of(String stream) {
    return byStream.computeIfAbsent(stream, s -> new Counters());
  }

  public void started(String stream) {
    Counters c = of(stream);
    if (c.startedNanos == 0) {
      c.startedNanos = nanoTime.getAsLong();
    }
  }

  public void ended(String stream) {
    of(stream).endedNanos = nanoTime.getAsLong();
  }

  public void records(String stream, long n) {
    if (n > 0) {
      of(stream).records.add(n);
    }
  }

  /** One page of a per-parent child endpoint was asked for, for {@code reason}. */
  public void childRequest(Reason reason) {
    childRequests.get(reason).increment();
  }

  /** A field Lever sent that the schema did not declare, as {@code stream.path}. */
  /**
   * {@code n} records of {@code stream} could not be delivered, for the reason given (a parent
   * held neither the record nor an id it can be read by).
   */
  public void notDelivered(String stream, String why, long n) {
    notDelivered.computeIfAbsent(stream, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(why, w -> new LongAdder()).add(n);
  }

  /** Per stream, per reason, the records not delivered; empty when every one was. */
  public Map<String, Map<String, Long>> notDelivered() {
    Map<String, Map<String, Long>> all = new java.util.TreeMap<>();
    notDelivered.forEach((stream, reasons) -> {
      Map<String, Long> counts = new java.util.TreeMap<>();
      reasons.forEach((why, n) -> counts.put(why, n.sum()));
      all.put(stream, counts);
    });
    return all;
  }

  public void learned(String path) {
    learned.add(path);
  }

  public java.util.Set<String> learned() {
    return java.util.Set.copyOf(learned);
  }

  public long childRequests(Reason reason) {
    return childRequests.get(reason).sum();
  }

  public Map<String, Counters> all() {
    return Map.copyOf(byStream);
  }

  public long now() {
    return nanoTime.getAsLong();
  }
}
