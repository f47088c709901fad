package taplever.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import taplever.error.InputException;

/**
 * One stream's place in Lever's data. {@code value} is the replication-key value everything up to
 * which has been delivered; {@code progress} is a window still being read, so an interrupted run
 * resumes at the page after the last one whose records were written.
 *
 * @param childrenRefreshedAt for child streams: when their last full pass over every parent ended
 * @param keylessPending the records that lack the key (Lever's filter never returns them) have not
 *     been delivered under this bookmark: it came from another tap (the Stitch tap's
 *     {@code last_record}, or an epoch-millisecond value), so the next window is read without the
 *     filter once
 * @param rolling for child streams Lever edits silently: where the rolling refresh of archived
 *     parents stands
 */
public record Bookmark(Optional<String> replicationKey, Optional<Instant> value,
    Optional<Instant> childrenRefreshedAt, Optional<Progress> progress, boolean keylessPending,
    Optional<Rolling> rolling) {

  public static final Bookmark EMPTY = new Bookmark(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), false, Optional.empty());

  /*
   * The ranges a state's values are checked against when it is read, so that no arithmetic on
   * them can overflow later: a state out of range is the user's input error (exit 2, before any
   * request), never an internal error in the middle of a sync.
   */

  /**
   * The earliest instant a state may hold: RFC3339 writes four-digit years, 0000 to 9999. Not
   * 1970: a config's start_date may be older, and the rolling refresh saves positions down to
   * it, which must read back. From {@code EARLIEST - LONGEST} to {@code LATEST + LONGEST}
   * (years -10000 to 20000) neither {@code toEpochMilli} (±292 million years) nor {@code Instant}
   * (±10^9 years) can overflow, nor {@code Duration.toMillis} of any difference.
   */
  public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  /** The latest instant a state may hold: the end of year 9999, RFC3339's last. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
  /**
   * The longest duration a state may hold, in whole seconds: from {@link #EARLIEST} to
   * {@link #LATEST}, so every duration between two instants of a state fits and a longer one
   * means nothing more (a rolling window of that width already reaches below any start date).
   */
  public static final Duration LONGEST = Duration.ofSeconds(
      Duration.between(EARLIEST, LATEST).getSeconds());
  /**
   * The largest count a state may hold (parents walked, parents in a cycle): a trillion, far
   * above any Lever account (millions of opportunities), low enough that {@code done} plus a page
   * stays exact in a long and {@code MARGIN × total × share} in a double.
   */
  public static final long MOST = 1_000_000_000_000L;
  /**
   * The longest page token a state may hold. Lever's tokens are about 100 characters (the
   * URL-encoded JSON of a sort key and an id); a token is sent back in the next page's URL,
   * which must stay under the ~8 kB request line common servers and proxies accept. 4096
   * leaves room for Lever's tokens to grow fortyfold and the rest of the URL; a longer one cannot
   * have come from Lever.
   */
  public static final int LONGEST_TOKEN = 4096;

  /**
   * A window being read. {@code windowStart} empty means the window was read without a server
   * filter (a first sync); {@code offset} is Lever's token for the next page of that exact query.
   *
   * @param streams the streams the window's pages were written for, and of those the ones that
   *     needed every parent (a full pass): a rerun that asks more of the window reads it anew, or
   *     the new stream would miss the pages already walked. Empty in a state from v0.1.
   */
  public record Progress(Optional<Instant> windowStart, Optional<Instant> windowEnd,
      Optional<String> offset, Optional<Instant> maxSeen, Optional<Served> streams) {

    public Progress {
      offset = bounded(offset);
    }

    public Progress(Optional<Instant> windowStart, Optional<Instant> windowEnd,
        Optional<String> offset, Optional<Instant> maxSeen) {
      this(windowStart, windowEnd, offset, maxSeen, Optional.empty());
    }
  }

  /** Who a window in progress serves: every stream, and those reading every parent. */
  public record Served(List<String> all, List<String> fullPass) {
    public Served {
      all = List.copyOf(all);
      fullPass = List.copyOf(fullPass);
    }
  }

  /**
   * The rolling refresh of archived parents' children: a cycle walks the parents created before
   * {@code cycleStart}, newest first, in windows of creation time, so that each is read again
   * within the refresh period. A few numbers, however large the account.
   *
   * @param position creation time below which the cycle has yet to walk (exclusive)
   * @param window the current window's width
   * @param offset Lever's token inside the window {@code [position - window, position)}, when a
   *     run stopped in the middle of it (its share was done, or it was interrupted)
   * @param done parents walked in this cycle
   * @param total parents the cycle is expected to walk (the last cycle's count); 0 when unknown
   * @param lastRun when a run last took its share, to size the next share by the time since
   * @param gap the time between the two runs before, the cadence the next share may make up for
   *     (zero when unknown): a weekly run takes a week's share, a daily run after a pause a day's
   */
  public record Rolling(Instant cycleStart, Instant position, Duration window,
      Optional<String> offset, long done, long total, Instant lastRun, Duration gap) {

    public Rolling {
      // Saved in whole seconds: the window bounds a paused query, which must be rebuilt exactly.
      // Held within what a state may hold, so whatever a run saves reads back: a window doubled
      // past LONGEST or a count past MOST changes nothing a run can see.
      window = Duration.ofSeconds(Math.min(Math.max(1, window.toSeconds()), LONGEST.toSeconds()));
      gap = gap.isNegative() ? Duration.ZERO
          : Duration.ofSeconds(Math.min(gap.toSeconds(), LONGEST.toSeconds()));
      offset = bounded(offset);
      done = Math.min(Math.max(0, done), MOST);
      total = Math.min(Math.max(0, total), MOST);
    }

    public Rolling(Instant cycleStart, Instant position, Duration window, Optional<String> offset,
        long done, long total, Instant lastRun) {
      this(cycleStart, position, window, offset, done, total, lastRun, Duration.ZERO);
    }

    /** The same place in the cycle, after a run that took its share at {@code run}. */
    public Rolling ranAt(Instant run) {
      Duration since = Duration.between(lastRun, run);
      return new Rolling(cycleStart, position, window, offset, done, total, run,
          since.isNegative() || since.isZero() ? gap : since);
    }
  }

  public Bookmark withValue(String key, Optional<Instant> newValue) {
    return new Bookmark(Optional.of(key), newValue, childrenRefreshedAt, progress, keylessPending,
        rolling);
  }

  public Bookmark withProgress(Optional<Progress> p) {
    return new Bookmark(replicationKey, value, childrenRefreshedAt, p, keylessPending, rolling);
  }

  public Bookmark withChildrenRefreshedAt(Instant at) {
    return new Bookmark(replicationKey, value, Optional.of(at), progress, keylessPending, rolling);
  }

  public Bookmark withKeylessPending(boolean pending) {
    return new Bookmark(replicationKey, value, childrenRefreshedAt, progress, pending, rolling);
  }

  public Bookmark withRolling(Optional<Rolling> r) {
    return new Bookmark(replicationKey, value, childrenRefreshedAt, progress, keylessPending, r);
  }

  public JsonNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    replicationKey.ifPresent(k -> node.put("replication_key", k));
    value.ifPresent(v -> node.put("replication_key_value", DateTimes.format(v)));
    childrenRefreshedAt.ifPresent(v -> node.put("children_refreshed_at", DateTimes.format(v)));
    if (keylessPending) {
      node.put("keyless_pending", true);
    }
    progress.ifPresent(p -> {
      ObjectNode pn = node.putObject("progress");
      p.windowStart().ifPresent(v -> pn.put("window_start", DateTimes.format(v)));
      p.windowEnd().ifPresent(v -> pn.put("window_end", DateTimes.format(v)));
      p.offset().ifPresent(v -> pn.put("offset", v));
      p.maxSeen().ifPresent(v -> pn.put("max_seen", DateTimes.format(v)));
      p.streams().ifPresent(served -> {
        served.all().forEach(pn.putArray("streams")::add);
        served.fullPass().forEach(pn.putArray("full_pass")::add);
      });
    });
    rolling.ifPresent(r -> {
      ObjectNode rn = node.putObject("rolling_refresh");
      rn.put("cycle_start", DateTimes.format(r.cycleStart()));
      rn.put("position", DateTimes.format(r.position()));
      rn.put("window_seconds", r.window().toSeconds());
      r.offset().ifPresent(o -> rn.put("offset", o));
      rn.put("done", r.done());
      rn.put("total", r.total());
      rn.put("last_run", DateTimes.format(r.lastRun()));
      if (!r.gap().isZero()) {
        rn.put("gap_seconds", r.gap().toSeconds());
      }
    });
    return node;
  }

  /**
   * A token over {@link #LONGEST_TOKEN} would make a state the next run refuses: it is dropped,
   * so a rerun reads that window again from its first page and skips nothing.
   */
  private static Optional<String> bounded(Optional<String> token) {
    return token.filter(t -> t.length() <= LONGEST_TOKEN);
  }

  /**
   * Reads our own shape and the Stitch tap's {@code {"field": ..., "last_record": ...}}, every
   * value range-checked (see {@link BookmarkReader}).
   */
  static Bookmark parse(String stream, JsonNode node) {
    return BookmarkReader.read(stream, node);
  }
}
