package taplever.fake;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One immutable snapshot of the live opportunities in serving order (newest first), plus column
 * copies of the hottest filter fields. A filtered scan over 100k entry objects is bound by pointer
 * chasing (~100 ns each); over these arrays it costs well under a millisecond.
 */
final class OpportunityTable {
  static final byte ARCHIVED = 1;
  static final byte CONFIDENTIAL = 2;
  static final byte HAS_UPDATED_AT = 4;

  final List<OpportunityEntry> entries;
  final long[] createdAt;
  final long[] updatedAt;
  final byte[] flags;

  /**
   * @param sorted entries in {@link ListItem#NEWEST_FIRST} order; the table keeps the array
   */
  OpportunityTable(OpportunityEntry[] sorted) {
    this.entries = Collections.unmodifiableList(Arrays.asList(sorted));
    this.createdAt = new long[sorted.length];
    this.updatedAt = new long[sorted.length];
    this.flags = new byte[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      OpportunityEntry e = sorted[i];
      createdAt[i] = e.createdAt;
      updatedAt[i] = e.updatedAt;
      flags[i] =
          (byte)
              ((e.archived ? ARCHIVED : 0)
                  | (e.confidential ? CONFIDENTIAL : 0)
                  | (e.hasUpdatedAt ? HAS_UPDATED_AT : 0));
    }
  }

  OpportunityEntry[] toArray() {
    return entries.toArray(OpportunityEntry[]::new);
  }

  /** Position of {@code entry} (found by its sort key), or a negative insertion point. */
  int indexOf(OpportunityEntry entry) {
    return Collections.binarySearch(entries, entry, ListItem.NEWEST_FIRST);
  }
}
