package taplever.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.ref.SoftReference;
import java.util.Comparator;

/**
 * One record of a list endpoint: the payload plus its sort key ({@code sortMs}, {@code key}) and a
 * soft cache of its serialized JSON, so serving a page is mostly copying bytes. The node is shared
 * and must not be mutated; mutations replace the item.
 */
class ListItem {
  /** Newest first, then by key: the order of every time-sorted list. */
  static final Comparator<ListItem> NEWEST_FIRST =
      Comparator.comparingLong((ListItem i) -> i.sortMs).reversed().thenComparing(i -> i.key);

  final long sortMs;
  final String key;
  private final ObjectNode node;
  private volatile SoftReference<byte[]> json;

  ListItem(long sortMs, String key, ObjectNode node) {
    this.sortMs = sortMs;
    this.key = key;
    this.node = node;
  }

  /** An item sorted by {@code sortField} (null or missing = 0) and keyed by {@code keyField}. */
  static ListItem of(ObjectNode node, String sortField, String keyField) {
    return new ListItem(
        sortField == null ? 0 : Nodes.millis(node, sortField, 0),
        node.path(keyField).asText(),
        node);
  }

  /** The payload; shared, read-only. */
  ObjectNode node(ObjectMapper mapper) {
    return node;
  }

  /**
   * Negative when this item comes before the position ({@code ms}, {@code k}) in newest-first
   * order.
   */
  final int compareTo(long ms, String k) {
    if (sortMs != ms) {
      return sortMs > ms ? -1 : 1;
    }
    return key.compareTo(k);
  }

  byte[] json(ObjectMapper mapper) {
    SoftReference<byte[]> ref = json;
    byte[] bytes = ref == null ? null : ref.get();
    if (bytes == null) {
      bytes = serialize(mapper, node);
      json = new SoftReference<>(bytes);
    }
    return bytes;
  }

  static byte[] serialize(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
