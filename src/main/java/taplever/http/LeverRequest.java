package taplever.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One read of Lever, before pagination: a list, or one record by its id.
 *
 * @param path the expanded path under the API root, e.g. {@code /opportunities/abc/offers}
 * @param endpoint the label for metrics and messages, e.g. {@code /opportunities/{id}/offers}
 * @param params query parameters in insertion order; a name may repeat
 *     ({@code expand=applications&expand=stage}). A {@code limit} entry replaces the page size
 *     (an empty list sends no limit at all)
 * @param recordsAt where the records sit in the answer: {@code ["data"]} for Lever's lists
 * @param keys the fields every record must carry with a value, or the page is malformed
 * @param oneRecord the answer holds one record at {@code recordsAt} (an object), not a list
 */
public record LeverRequest(String path, String endpoint, Map<String, List<String>> params,
    List<String> recordsAt, List<String> keys, boolean oneRecord) {

  public LeverRequest {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(endpoint, "endpoint");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    params.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    params = Collections.unmodifiableMap(copy);
    recordsAt = List.copyOf(recordsAt);
    keys = List.copyOf(keys);
    if (recordsAt.isEmpty()) {
      throw new IllegalArgumentException("recordsAt names at least the envelope's field");
    }
  }

  public LeverRequest(String path, String endpoint, Map<String, List<String>> params,
      List<String> recordsAt) {
    this(path, endpoint, params, recordsAt, List.of(), false);
  }

  public LeverRequest(String path, String endpoint, Map<String, List<String>> params) {
    this(path, endpoint, params, List.of("data"));
  }

  /** A request without parameters whose label is its path. */
  public static LeverRequest of(String path) {
    return new LeverRequest(path, path, Map.of());
  }
}
