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
      window = Duration.ofSeconds(Math.max(1, window.toSeconds()));
      gap = gap.isNegative() ? Duration.ZERO : Duration.ofSeconds(gap.toSeconds());
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

  /** Reads our own shape and the Stitch tap's {@code {"field": ..., "last_record": ...}}. */
  static Bookmark parse(String stream, JsonNode node) {
    if (!node.isObject()) {
      throw new InputException("state bookmark for '" + stream + "' must be a JSON object");
    }
    Optional<String> key = text(stream, node, "replication_key").or(() -> text(stream, node, "field"));
    Optional<Instant> value = time(stream, node, "replication_key_value")
        .or(() -> time(stream, node, "last_record"));
    // Only this tap's own RFC3339 bookmarks come from a run that also read the keyless records.
    boolean foreign = node.has("last_record") || node.path("replication_key_value").isNumber();
    boolean keylessPending = foreign || node.path("keyless_pending").asBoolean(false);
    Optional<Progress> progress = Optional.empty();
    JsonNode p = node.get("progress");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        throw new InputException("state 'progress' of '" + stream + "' must be a JSON object");
      }
      Optional<Served> served = p.has("streams") ? Optional.of(new Served(
          names(stream, p, "streams"), names(stream, p, "full_pass"))) : Optional.empty();
      progress = Optional.of(new Progress(time(stream, p, "window_start"), time(stream, p, "window_end"),
          text(stream, p, "offset"), time(stream, p, "max_seen"), served));
    }
    return new Bookmark(key, value, time(stream, node, "children_refreshed_at"), progress,
        keylessPending && value.isPresent(), rolling(stream, node.get("rolling_refresh")));
  }

  private static Optional<Rolling> rolling(String stream, JsonNode r) {
    if (r == null || r.isNull()) {
      return Optional.empty();
    }
    if (!r.isObject()) {
      throw new InputException("state 'rolling_refresh' of '" + stream + "' must be a JSON object");
    }
    String where = stream + " rolling_refresh";
    return Optional.of(new Rolling(required(where, r, "cycle_start"), required(where, r, "position"),
        Duration.ofSeconds(count(where, r, "window_seconds", 1)), text(where, r, "offset"),
        count(where, r, "done", 0), count(where, r, "total", 0), required(where, r, "last_run"),
        Duration.ofSeconds(r.has("gap_seconds") ? count(where, r, "gap_seconds", 0) : 0)));
  }

  private static List<String> names(String stream, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(n -> names.add(n.isTextual() ? n.asText() : null));
    }
    if (!v.isArray() || names.contains(null)) {
      throw new InputException("state 'progress." + field + "' of '" + stream + "' must be a list"
          + " of stream names");
    }
    return names;
  }

  private static Instant required(String where, JsonNode node, String field) {
    return time(where, node, field).orElseThrow(() -> new InputException("state '" + field
        + "' of '" + where + "' is missing"));
  }

  private static long count(String where, JsonNode node, String field, long min) {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToExactIntegral() || v.asLong() < min) {
      throw new InputException("state '" + field + "' of '" + where + "' must be a whole number"
          + " of at least " + min);
    }
    return v.asLong();
  }

  private static Optional<String> text(String stream, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new InputException("state '" + field + "' of '" + stream + "' must be a string");
    }
    return Optional.of(v.asText());
  }

  private static Optional<Instant> time(String stream, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isIntegralNumber()) {
      return Optional.of(Instant.ofEpochMilli(v.asLong()));
    }
    try {
      return Optional.of(OffsetDateTime.parse(v.asText()).toInstant());
    } catch (DateTimeParseException e) {
      throw new InputException("state '" + field + "' of '" + stream
          + "' must be an RFC3339 timestamp, not '" + v.asText() + "'");
    }
  }
}
