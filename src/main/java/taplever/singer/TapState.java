package taplever.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import taplever.error.InputException;

/**
 * The whole Singer state as an immutable value: one bookmark per stream (children included, never
 * one per parent id, so it does not grow with the account) and {@code currently_syncing}.
 * Bookmarks of streams this version does not know are carried through untouched.
 */
public final class TapState {
  private final Map<String, Bookmark> bookmarks;
  private final Map<String, JsonNode> foreign;
  private final Optional<String> currentlySyncing;

  private TapState(Map<String, Bookmark> bookmarks, Map<String, JsonNode> foreign,
      Optional<String> currentlySyncing) {
    this.bookmarks = Collections.unmodifiableMap(new LinkedHashMap<>(bookmarks));
    this.foreign = Collections.unmodifiableMap(new LinkedHashMap<>(foreign));
    this.currentlySyncing = currentlySyncing;
  }

  public static TapState empty() {
    return new TapState(Map.of(), Map.of(), Optional.empty());
  }

  /**
   * Accepts the state value, or a whole STATE message (what a target's last line can be).
   *
   * @param known tells which stream names get a typed bookmark
   */
  public static TapState parse(JsonNode root, java.util.function.Predicate<String> known) {
    if (root == null || !root.isObject()) {
      throw new InputException("state must be a JSON object such as {\"bookmarks\": {...}}");
    }
    if ("STATE".equals(root.path("type").asText()) && root.has("value")) {
      root = root.get("value");
      if (!root.isObject()) {
        throw new InputException("state message 'value' must be a JSON object");
      }
    }
    JsonNode marks = root.get("bookmarks");
    Map<String, Bookmark> typed = new LinkedHashMap<>();
    Map<String, JsonNode> foreign = new LinkedHashMap<>();
    if (marks != null && !marks.isNull()) {
      if (!marks.isObject()) {
        throw new InputException("state 'bookmarks' must be a JSON object keyed by stream name");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = marks.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (known.test(e.getKey())) {
          typed.put(e.getKey(), Bookmark.parse(e.getKey(), e.getValue()));
        } else {
          foreign.put(e.getKey(), e.getValue());
        }
      }
    }
    JsonNode current = root.get("currently_syncing");
    if (current != null && !current.isNull() && !current.isTextual()) {
      throw new InputException("state 'currently_syncing' must be a stream name or null");
    }
    return new TapState(typed, foreign,
        current == null || current.isNull() ? Optional.empty() : Optional.of(current.asText()));
  }

  public Bookmark bookmark(String stream) {
    return bookmarks.getOrDefault(stream, Bookmark.EMPTY);
  }

  public Optional<String> currentlySyncing() {
    return currentlySyncing;
  }

  public TapState with(String stream, Bookmark bookmark) {
    Map<String, Bookmark> copy = new LinkedHashMap<>(bookmarks);
    if (bookmark.equals(Bookmark.EMPTY)) {
      copy.remove(stream); // full-table streams keep no bookmark between runs
    } else {
      copy.put(stream, bookmark);
    }
    return new TapState(copy, foreign, currentlySyncing);
  }

  public TapState syncing(Optional<String> stream) {
    return new TapState(bookmarks, foreign, stream);
  }

  public JsonNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode marks = root.putObject("bookmarks");
    foreign.forEach(marks::set);
    bookmarks.forEach((name, b) -> marks.set(name, b.toJson()));
    if (currentlySyncing.isPresent()) {
      root.put("currently_syncing", currentlySyncing.get());
    } else {
      root.putNull("currently_syncing");
    }
    return root;
  }
}
