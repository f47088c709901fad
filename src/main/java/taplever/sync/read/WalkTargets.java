package taplever.sync.read;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import taplever.streams.Replication;
import taplever.sync.plan.RecordKey;
import taplever.sync.records.StreamShaper;

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

  /**
   * What the walk reads from a field besides writing it, by field name: most fields have no role,
   * and one lookup per field tells so (this runs for every field of every record).
   *
   * @param inlineAt index in {@link #inline()}, or -1
   * @param derivedAt index in {@link #derived()}, or -1
   */
  record Role(boolean id, boolean key, boolean fallback, boolean version, boolean archived,
      int inlineAt, int derivedAt) {
    boolean heldAsTree() {
      return inlineAt >= 0 || derivedAt >= 0;
    }
  }

  /** The roles of the fields this walk reads. */
  java.util.Map<String, Role> roles() {
    java.util.Map<String, Role> roles = new java.util.HashMap<>();
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (String f : new String[] {idField, keyField, fallbackField, versionField, archivedField}) {
      if (f != null) {
        names.add(f);
      }
    }
    for (int i = 0; i < inline.size(); i++) {
      names.add(inlineName(i));
    }
    for (int i = 0; i < derived.size(); i++) {
      names.add(derivedName(i));
    }
    for (String f : names) {
      roles.put(f, new Role(f.equals(idField), f.equals(keyField), f.equals(fallbackField),
          f.equals(versionField), f.equals(archivedField), inlineField(f), derivedField(f)));
    }
    return java.util.Map.copyOf(roles);
  }

  /** How the inline child at {@code i} comes in the parent's records. */
  Replication.ChildFetch.Inline inlineFetch(int i) {
    return inline.get(i).shaper().selection().spec().replication().inlineFetch().orElseThrow();
  }

  private String inlineName(int i) {
    return inlineFetch(i).field();
  }

  private String derivedName(int i) {
    return derived.get(i).shaper().selection().spec().replication().rowsFromArray().orElseThrow()
        .arrayField();
  }

  /** Index of the inline child carried in {@code field}, or -1. */
  int inlineField(String field) {
    for (int i = 0; i < inline.size(); i++) {
      if (inlineName(i).equals(field)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the derived stream made from the array in {@code field}, or -1. */
  int derivedField(String field) {
    for (int i = 0; i < derived.size(); i++) {
      if (derivedName(i).equals(field)) {
        return i;
      }
    }
    return -1;
  }
}
