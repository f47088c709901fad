package taplever.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an opportunity's children come from: an explicit set when one was stored (new
 * opportunities, changed offers), else regenerated from the seed. Regenerated sets are kept in a
 * small LRU because a tap usually asks for all ten child kinds of one opportunity in a row.
 */
final class ChildStore {
  private static final int CACHE_SIZE = 1024;
  private final ChildGenerator generator;
  private final Map<String, ChildSet> stored = new ConcurrentHashMap<>();
  private final Map<String, ChildSet> recent =
      new LinkedHashMap<>(CACHE_SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChildSet> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  private final ObjectMapper mapper;

  ChildStore(ChildGenerator generator, ObjectMapper mapper) {
    this.generator = generator;
    this.mapper = mapper;
  }

  ChildSet get(OpportunityEntry entry) {
    ChildSet set = stored.get(entry.id());
    if (set != null) {
      return set;
    }
    synchronized (recent) {
      set = recent.get(entry.id());
    }
    if (set == null) {
      set = generator.generate(entry.genIndex, entry.node(mapper), entry.candidacy, false);
      synchronized (recent) {
        recent.put(entry.id(), set);
      }
    }
    return set;
  }

  void put(String opportunityId, ChildSet set) {
    stored.put(opportunityId, set);
  }

  void remove(String opportunityId) {
    stored.remove(opportunityId);
    synchronized (recent) {
      recent.remove(opportunityId);
    }
  }
}
