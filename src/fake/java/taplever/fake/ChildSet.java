package taplever.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * All child records of one opportunity in Lever's payload shape, each list ordered newest first
 * then by id. Immutable: a mutation builds a new set.
 */
final class ChildSet {
  private final Map<ChildKind, List<ObjectNode>> byKind = new EnumMap<>(ChildKind.class);

  ChildSet(Map<ChildKind, List<ObjectNode>> lists) {
    for (ChildKind kind : ChildKind.values()) {
      List<ObjectNode> records = new ArrayList<>(lists.getOrDefault(kind, List.of()));
      records.sort(order(kind));
      byKind.put(kind, List.copyOf(records));
    }
  }

  static Comparator<ObjectNode> order(ChildKind kind) {
    Comparator<ObjectNode> newestFirst =
        Comparator.comparingLong((ObjectNode n) -> Nodes.millis(n, kind.sortField(), 0)).reversed();
    return newestFirst.thenComparing(n -> n.path("id").asText());
  }

  List<ObjectNode> get(ChildKind kind) {
    return byKind.get(kind);
  }

  /** A copy of this set whose {@code kind} list is {@code records}. */
  ChildSet with(ChildKind kind, List<ObjectNode> records) {
    Map<ChildKind, List<ObjectNode>> copy = new EnumMap<>(byKind);
    copy.put(kind, records);
    return new ChildSet(copy);
  }

  /** A copy of this set with every list in {@code lists} replaced. */
  ChildSet withAll(Map<ChildKind, List<ObjectNode>> lists) {
    Map<ChildKind, List<ObjectNode>> copy = new EnumMap<>(byKind);
    copy.putAll(lists);
    return new ChildSet(copy);
  }

  /** The ids of the {@code kind} records, in serving order. */
  List<String> ids(ChildKind kind) {
    return byKind.get(kind).stream().map(n -> n.path("id").asText()).toList();
  }

  /** Index of the record with {@code id} in the {@code kind} list, or -1. */
  int indexOf(ChildKind kind, String id) {
    List<ObjectNode> records = byKind.get(kind);
    for (int i = 0; i < records.size(); i++) {
      if (id.equals(records.get(i).path("id").asText())) {
        return i;
      }
    }
    return -1;
  }
}
