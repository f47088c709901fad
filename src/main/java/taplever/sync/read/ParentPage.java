package taplever.sync.read;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import taplever.sync.records.PageBuffer;

/**
 * A parent page once read: its RECORD lines (the parent's, and the children that came inside
 * it), the parents whose per-parent children are wanted, and what the walk learns from it.
 *
 * @param counts records written per stream index
 * @param maxKey the largest key value seen on the page, or {@code Long.MIN_VALUE}
 * @param recordCount the parent records on the page
 * @param archived records on the page that Lever says are archived
 */
record ParentPage(PageBuffer lines, List<ParentRef> parents, List<SharedRef> shared,
    Map<Unread, Integer> unread, int[] counts, long maxKey, int recordCount, int archived) {

  /** One parent record whose per-parent children are to be read. */
  record ParentRef(String id, BitSet wanted) {}

  /**
   * A record of an inline child that a parent held only by id: read on its own.
   *
   * @param inlineAt the child's index among the walk's inline targets
   */
  record SharedRef(int inlineAt, String id) {}

  /**
   * Parents whose inline child was neither the record nor an id it can be read by.
   *
   * @param what the value the parent held instead (null, a number, ...)
   */
  record Unread(String stream, String field, String what) {}
}
