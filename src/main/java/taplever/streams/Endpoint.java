package taplever.streams;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A top-level Lever list and the parameters it needs to return everything.
 *
 * @param path under the API root, e.g. {@code /opportunities}
 * @param params always sent, in order; a name may repeat ({@code confidentiality=all})
 * @param recordsAt where the records sit in Lever's answer: {@code ["data"]} for the usual
 *     envelope, {@code ["data", "eeoResponses"]} for the EEO endpoints
 * @param projectionParam Lever leaves some fields out of a list unless asked by name with this
 *     parameter ({@code include} on postings): the engine then names every field it will emit.
 *     It is sent only on reads without a window: Lever takes its {@code updated_at_*} parameters
 *     only alongside {@code confidentiality} (§7.5)
 * @param pipeline how Lever tells live records from archived ones, for refreshing children
 */
public record Endpoint(String path, Map<String, List<String>> params, List<String> recordsAt,
    Optional<String> projectionParam, Optional<Pipeline> pipeline) {

  public Endpoint {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    params = Collections.unmodifiableMap(copy);
    recordsAt = List.copyOf(recordsAt);
  }

  /**
   * Lever's list filters that find a parent's live records cheaply (reference §7.1): the engine
   * re-reads the silently edited children of {@code live} parents every run, and walks the
   * {@code archived} ones slice by slice on their creation time.
   *
   * @param live parameters selecting records not archived ({@code archived=false})
   * @param archived parameters selecting archived records ({@code archived=true})
   * @param archivedSinceParam lower bound on the archive time ({@code archived_at_start})
   * @param createdStartParam lower bound on the creation time, inclusive
   * @param createdEndParam upper bound on the creation time, inclusive
   * @param archivedField the record's field that is set (not null) when it is archived
   * @param createdField the record's creation time
   */
  public record Pipeline(Map<String, List<String>> live, Map<String, List<String>> archived,
      String archivedSinceParam, String createdStartParam, String createdEndParam,
      String archivedField, String createdField) {
    public Pipeline {
      live = Map.copyOf(live);
      archived = Map.copyOf(archived);
    }
  }
}
