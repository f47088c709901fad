package taplever.fake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mutable core of a {@link FakeDataset}: the current {@link DatasetSnapshot}, opportunities by
 * id, and the next generation index. Writers hold the dataset's lock; readers take {@link
 * #snapshot()} once per request and see one version throughout.
 */
final class LiveOpportunities {
  private final Map<String, OpportunityEntry> byId = new ConcurrentHashMap<>();
  private volatile DatasetSnapshot state;
  private volatile int nextGenIndex;

  LiveOpportunities(DatasetSnapshot initial, int nextGenIndex) {
    this.state = initial;
    this.nextGenIndex = nextGenIndex;
    initial.opportunities().entries.forEach(e -> byId.put(e.id(), e));
  }

  DatasetSnapshot snapshot() {
    return state;
  }

  OpportunityEntry get(String id) {
    return id == null ? null : byId.get(id);
  }

  /** Generation indexes below this one have been used (by generation or {@link #insert}). */
  int nextGenIndex() {
    return nextGenIndex;
  }

  /** {@code updated} takes the place of {@code old} (same sort key). */
  void replace(OpportunityEntry old, OpportunityEntry updated) {
    DatasetSnapshot s = state;
    byId.put(updated.id(), updated);
    state =
        new DatasetSnapshot(
            s.opportunities().with(s.opportunities().indexOf(old), updated), s.deleted(), s.eeo());
  }

  /** Adds a new entry (generation index {@link #nextGenIndex}) and its EEO item, if any. */
  void insert(OpportunityEntry entry, ListItem eeo) {
    DatasetSnapshot s = state;
    byId.put(entry.id(), entry);
    state =
        new DatasetSnapshot(
            s.opportunities().inserted(entry),
            s.deleted(),
            eeo == null ? s.eeo() : DatasetSnapshot.inserted(s.eeo(), eeo));
    nextGenIndex = Math.max(nextGenIndex, entry.genIndex + 1);
  }

  /** Removes {@code old} and its EEO item, and lists {@code deleted} as deleted. */
  void remove(OpportunityEntry old, ListItem deleted, ListItem eeo) {
    DatasetSnapshot s = state;
    byId.remove(old.id());
    List<ListItem> remainingEeo = eeo == null ? s.eeo() : DatasetSnapshot.removed(s.eeo(), eeo);
    state =
        new DatasetSnapshot(
            s.opportunities().without(s.opportunities().indexOf(old)),
            DatasetSnapshot.inserted(s.deleted(), deleted),
            remainingEeo);
  }
}
