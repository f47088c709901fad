package taplever.sync;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import taplever.streams.Replication;

/**
 * What one walk of a parent list does with each record: which streams are written from it and
 * which records each wants. Lever's field names the walk reads (id, key, fallback key, the field
 * derived rows copy, the archived marker) come from the stream declarations.
 *
 * @param end the walk's cap (epoch ms): a key above it is counted as the cap in the bookmark
 */
record WalkTargets(String idField, String keyField, String fallbackField, String versionField,
    String archivedField, long end, Optional<Target> parent, List<Target> inline,
    List<Target> derived, List<Target> perParent) {

  /** A stream written during the walk, and the parent records it wants. */
  record Target(StreamShaper shaper, Predicate<RecordKey> wants) {}

  WalkTargets {
    inline = List.copyOf(inline);
    derived = List.copyOf(derived);
    perParent = List.copyOf(perParent);
  }

  /** Index of the inline child carried in {@code field}, or -1. */
  int inlineField(String field) {
    for (int i = 0; i < inline.size(); i++) {
      Replication.WithParent w = (Replication.WithParent) inline.get(i).shaper().selection().spec()
          .replication();
      if (((Replication.ChildFetch.Inline) w.fetch()).field().equals(field)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the derived stream made from the array in {@code field}, or -1. */
  int derivedField(String field) {
    for (int i = 0; i < derived.size(); i++) {
      Replication.FromParentArray a = (Replication.FromParentArray) derived.get(i).shaper()
          .selection().spec().replication();
      if (a.arrayField().equals(field)) {
        return i;
      }
    }
    return -1;
  }
}
