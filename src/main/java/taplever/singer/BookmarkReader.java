package taplever.singer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import taplever.error.InputException;
import taplever.error.ShownText;

/**
 * Reads one stream's bookmark from a state file, refusing any value no run could have written, so
 * that no arithmetic on it can overflow later: the state is the user's input.
 */
final class BookmarkReader {
  private BookmarkReader() {
  }

  /**
   * Reads our own shape and the Stitch tap's {@code {"field": ..., "last_record": ...}}, every
   * value range-checked (see {@link Bookmark#EARLIEST}, {@link Bookmark#LONGEST},
   * {@link Bookmark#MOST}, {@link Bookmark#LONGEST_TOKEN}).
   */
  static Bookmark read(String stream, JsonNode node) {
    if (!node.isObject()) {
      throw new InputException("state bookmark for '" + stream + "' must be a JSON object");
    }
    Fields b = new Fields(stream, "", node);
    Optional<String> key = b.text("replication_key").or(() -> b.text("field"));
    Optional<Instant> value = b.time("replication_key_value").or(() -> b.time("last_record"));
    // Only this tap's own RFC3339 bookmarks come from a run that also read the keyless records.
    boolean foreign = node.has("last_record") || node.path("replication_key_value").isNumber();
    boolean keylessPending = foreign || b.flag("keyless_pending");
    Optional<Bookmark.Progress> progress = Optional.empty();
    JsonNode p = node.get("progress");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        throw new InputException("state 'progress' of '" + stream + "' must be a JSON object");
      }
      Optional<Bookmark.Served> served = p.has("streams") ? Optional.of(new Bookmark.Served(
          names(stream, p, "streams"), names(stream, p, "full_pass"))) : Optional.empty();
      Fields f = new Fields(stream, "progress.", p);
      progress = Optional.of(new Bookmark.Progress(f.time("window_start"), f.time("window_end"),
          f.token("offset"), f.time("max_seen"), served));
    }
    return new Bookmark(key, value, b.time("children_refreshed_at"), progress,
        keylessPending && value.isPresent(), rolling(stream, node.get("rolling_refresh")));
  }

  private static Optional<Bookmark.Rolling> rolling(String stream, JsonNode r) {
    if (r == null || r.isNull()) {
      return Optional.empty();
    }
    if (!r.isObject()) {
      throw new InputException("state 'rolling_refresh' of '" + stream + "' must be a JSON object");
    }
    Fields f = new Fields(stream + " rolling_refresh", "", r);
    return Optional.of(new Bookmark.Rolling(f.required("cycle_start"), f.required("position"),
        f.seconds("window_seconds", 1).orElseThrow(() -> f.missing("window_seconds")),
        f.token("offset"), f.count("done"), f.count("total"), f.required("last_run"),
        f.seconds("gap_seconds", 0).orElse(Duration.ZERO)));
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

  /**
   * The fields of one JSON object of a bookmark, each read within its range; a refusal names the
   * field ({@code prefix + field}) and where it is ({@code where}: the stream, and the part).
   */
  private record Fields(String where, String prefix, JsonNode node) {

    Optional<String> text(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (!v.isTextual()) {
        throw refused(field, "must be a string");
      }
      return Optional.of(v.asText());
    }

    Optional<String> token(String field) {
      Optional<String> token = text(field);
      if (token.isPresent() && token.get().length() > Bookmark.LONGEST_TOKEN) {
        throw refused(field, "is " + token.get().length() + " characters long; a Lever page"
            + " token is at most " + Bookmark.LONGEST_TOKEN);
      }
      return token;
    }

    boolean flag(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return false;
      }
      if (!v.isBoolean()) {
        throw refused(field, "must be true or false, not " + shown(v));
      }
      return v.booleanValue();
    }

    /**
     * An RFC3339 timestamp, or epoch milliseconds (another tap's bookmark) as a whole JSON number,
     * in range. Stricter than {@link EpochMillis}, Lever's rule: a state is the user's input, and
     * a float or a digit string in it is refused rather than guessed at.
     */
    Optional<Instant> time(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      Optional<Instant> t = Optional.empty();
      if (v.isIntegralNumber() && v.canConvertToLong()) {
        t = Optional.of(Instant.ofEpochMilli(v.asLong()));
      } else if (v.isTextual()) {
        try {
          t = Optional.of(OffsetDateTime.parse(v.asText()).toInstant());
        } catch (DateTimeParseException e) {
          // refused below
        }
      }
      if (t.isEmpty() || t.get().isBefore(Bookmark.EARLIEST) || t.get().isAfter(Bookmark.LATEST)) {
        throw refused(field, "must be an RFC3339 timestamp (or epoch milliseconds) from "
            + DateTimes.format(Bookmark.EARLIEST) + " to " + DateTimes.format(Bookmark.LATEST) + ", not "
            + shown(v));
      }
      return t;
    }

    Instant required(String field) {
      return time(field).orElseThrow(() -> missing(field));
    }

    long count(String field) {
      return whole(field, 0, Bookmark.MOST, "a whole number").orElseThrow(() -> missing(field));
    }

    Optional<Duration> seconds(String field, long min) {
      return whole(field, min, Bookmark.LONGEST.toSeconds(), "a whole number of seconds")
          .map(Duration::ofSeconds);
    }

    private Optional<Long> whole(String field, long min, long max, String what) {
      JsonNode v = node.get(field);
      if (v == null) {
        return Optional.empty();
      }
      if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong()
          || v.asLong() < min || v.asLong() > max) {
        throw refused(field, "must be " + what + " from " + min + " to " + max + ", not "
            + shown(v));
      }
      return Optional.of(v.asLong());
    }

    InputException missing(String field) {
      return refused(field, "is missing");
    }

    InputException refused(String field, String why) {
      return new InputException("state '" + prefix + field + "' of '" + where + "' " + why);
    }

    /** The value as given, escaped and cut short: a state may hold a megabyte there. */
    private static String shown(JsonNode v) {
      return ShownText.of(v.isTextual() ? "'" + v.asText() + "'" : v.toString(), 60);
    }
  }
}
