package taplever.fake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Cuts one page out of a pre-sorted list and writes Lever's envelope {@code
 * {"data":[...],"hasNext":..,"next":..}}. A page starts where its offset token points (by index,
 * verified against the token's sort key, else by binary search) and scans forward only until it has
 * {@code limit} matches plus one to know whether more exist.
 */
final class Pager {
  /**
   * Where the page's records go: Lever's list envelope, or the EEO one, whose {@code data} is an
   * object holding the array (§7.16; {@code hasNext}/{@code next} stay at the top level).
   */
  enum Envelope {
    LIST("{\"data\":[", "]"),
    EEO("{\"data\":{\"eeoResponses\":[", "]}");

    private final byte[] open;
    private final String close;

    Envelope(String open, String close) {
      this.open = open.getBytes(StandardCharsets.UTF_8);
      this.close = close;
    }
  }

  private final OffsetTokens tokens;

  Pager(OffsetTokens tokens) {
    this.tokens = tokens;
  }

  /**
   * {@link #page(List, boolean, IntPredicate, Function, ListQuery)} with a filter on the items
   * themselves.
   */
  <T extends ListItem> byte[] pageWhere(
      List<T> items,
      boolean keyOrdered,
      Predicate<? super T> filter,
      Function<? super T, byte[]> json,
      ListQuery query) {
    return page(items, keyOrdered, (IntPredicate) i -> filter.test(items.get(i)), json, query);
  }

  /**
   * @param items the full list, in the endpoint's order
   * @param keyOrdered whether {@code items} is in {@link ListItem#NEWEST_FIRST} order (else: fixed
   *     natural order)
   * @param filter which positions of {@code items} the query selects
   * @param json an item's serialized payload
   */
  <T extends ListItem> byte[] page(
      List<T> items,
      boolean keyOrdered,
      IntPredicate filter,
      Function<? super T, byte[]> json,
      ListQuery query) {
    return page(items, keyOrdered, filter, json, query, Envelope.LIST);
  }

  /** {@link #page(List, boolean, IntPredicate, Function, ListQuery)} in {@code envelope}. */
  <T extends ListItem> byte[] page(
      List<T> items,
      boolean keyOrdered,
      IntPredicate filter,
      Function<? super T, byte[]> json,
      ListQuery query,
      Envelope envelope) {
    int limit = query.limit();
    String hash = OffsetTokens.queryHash(query);
    String offset = query.first("offset");
    int index =
        offset == null || offset.isEmpty()
            ? 0
            : start(items, keyOrdered, tokens.decode(offset, hash));
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    out.writeBytes(envelope.open);
    int found = 0;
    T last = null;
    int lastIndex = -1;
    boolean hasNext = false;
    for (int size = items.size(); index < size; index++) {
      if (!filter.test(index)) {
        continue;
      }
      if (found == limit) {
        hasNext = true;
        break;
      }
      T item = items.get(index);
      if (found > 0) {
        out.write(',');
      }
      out.writeBytes(json.apply(item));
      found++;
      last = item;
      lastIndex = index;
    }
    out.writeBytes((envelope.close + ",\"hasNext\":" + hasNext).getBytes(StandardCharsets.UTF_8));
    if (hasNext) {
      String next = tokens.encode(last.sortMs, last.key, lastIndex + 1, hash);
      out.writeBytes((",\"next\":\"" + next + "\"").getBytes(StandardCharsets.UTF_8));
    }
    out.write('}');
    return out.toByteArray();
  }

  /** Index of the first item after the token's record. */
  static <T extends ListItem> int start(
      List<T> items, boolean keyOrdered, OffsetTokens.Position p) {
    int hint = p.nextIndex();
    if (hint <= items.size()) {
      ListItem previous = items.get(hint - 1);
      if (previous.sortMs == p.sortMs() && previous.key.equals(p.key())) {
        return hint;
      }
    }
    if (keyOrdered) {
      int lo = 0;
      int hi = items.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (items.get(mid).compareTo(p.sortMs(), p.key()) <= 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).key.equals(p.key())) {
        return i + 1;
      }
    }
    throw ApiError.badRequest(ApiError.INVALID_OFFSET);
  }
}
