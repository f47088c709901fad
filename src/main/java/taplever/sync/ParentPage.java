package taplever.sync;

import java.util.BitSet;
import java.util.List;

/**
 * A parent page once read: its RECORD lines (the parent's, and the children that came inside
 * it), the parents whose per-parent children are wanted, and what the walk learns from it.
 *
 * @param counts records written per stream index
 * @param maxKey the largest key value seen on the page, or {@code Long.MIN_VALUE}
 * @param archived records on the page that Lever says are archived
 */
record ParentPage(PageBuffer lines, List<ParentRef> parents, int[] counts, long maxKey,
    int records, int archived) {

  /** One parent record whose per-parent children are to be read. */
  record ParentRef(String id, BitSet wanted) {}
}
