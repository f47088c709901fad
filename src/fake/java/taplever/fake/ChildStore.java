package taplever.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an opportunity's children come from: regenerated from the seed and the opportunity's
 * current payload, with the lists a mutation changed laid over them. Only changed lists are kept (a
 * few KB per edited opportunity), so a month of daily edits stays small. Assembled sets are kept in
 * a small LRU because a tap usually asks for all ten child kinds of one opportunity in a row; a
 * cached set is used only for the very entry and overrides it was built from, so a request racing a
 * mutation can never leave a stale set behind for later requests.
 */
final class ChildStore {
  private static final int CACHE_SIZE = 1024;
  private final ChildGenerator generator;
  private final Map<String, Map<ChildKind, List<ObjectNode>>> overrides = new ConcurrentHashMap<>();
  private final Map<String, Cached> recent =
      new LinkedHashMap<>(CACHE_SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  /** An assembled set and what it was assembled from (compared by identity). */
  private record Cached(
      OpportunityEntry entry, Map<ChildKind, List<ObjectNode>> changed, ChildSet set) {}

  private final ObjectMapper mapper;

  ChildStore(ChildGenerator generator, ObjectMapper mapper) {
    this.generator = generator;
    this.mapper = mapper;
  }

  ChildSet get(OpportunityEntry entry) {
    Map<ChildKind, List<ObjectNode>> changed = overrides.get(entry.id());
    Cached cached;
    synchronized (recent) {
      cached = recent.get(entry.id());
    }
    if (cached != null && cached.entry() == entry && cached.changed() == changed) {
      return cached.set();
    }
    ChildSet set = generator.generate(entry.genIndex, entry.node(mapper), entry.candidacy);
    if (changed != null) {
      set = set.withAll(changed);
    }
    synchronized (recent) {
      recent.put(entry.id(), new Cached(entry, changed, set));
    }
    return set;
  }

  /** Replaces the {@code kind} lists of an opportunity's children from now on. */
  void override(String opportunityId, Map<ChildKind, List<ObjectNode>> lists) {
    overrides.compute(
        opportunityId,
        (id, old) -> {
          Map<ChildKind, List<ObjectNode>> merged = new EnumMap<>(ChildKind.class);
          if (old != null) {
            merged.putAll(old);
          }
          lists.forEach((kind, records) -> merged.put(kind, List.copyOf(records)));
          return merged;
        });
    invalidate(opportunityId);
  }

  /** Forgets the assembled set, e.g. because the opportunity's payload changed. */
  void invalidate(String opportunityId) {
    synchronized (recent) {
      recent.remove(opportunityId);
    }
  }

  void remove(String opportunityId) {
    overrides.remove(opportunityId);
    invalidate(opportunityId);
  }
}
