package taplever.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One consistent view of the mutable part of a {@link FakeDataset}: live opportunities, deleted
 * opportunities and the EEO response index (opportunities by {@code eeoSurveyRespondedAt}, newest
 * first). Replaced as a whole by each mutation, so a request reads one version throughout.
 */
record DatasetSnapshot(OpportunityTable opportunities, List<ListItem> deleted, List<ListItem> eeo) {
  /** {@code sorted} (in {@link ListItem#NEWEST_FIRST} order) with {@code item} added in place. */
  static List<ListItem> inserted(List<ListItem> sorted, ListItem item) {
    int at = Collections.binarySearch(sorted, item, ListItem.NEWEST_FIRST);
    List<ListItem> copy = new ArrayList<>(sorted.size() + 1);
    copy.addAll(sorted);
    copy.add(at < 0 ? -at - 1 : at, item);
    return Collections.unmodifiableList(copy);
  }

  /** {@code sorted} without the item at the sort position of {@code probe}, if there is one. */
  static List<ListItem> removed(List<ListItem> sorted, ListItem probe) {
    int at = Collections.binarySearch(sorted, probe, ListItem.NEWEST_FIRST);
    if (at < 0) {
      return sorted;
    }
    List<ListItem> copy = new ArrayList<>(sorted);
    copy.remove(at);
    return Collections.unmodifiableList(copy);
  }
}
