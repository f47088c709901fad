package taplever.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Where pages of Lever lists come from: Lever itself, or a script in tests. */
public interface PageSource {

  /**
   * The page at {@code offset} (empty: the first page). Each attempt at reading the answer gets a
   * fresh sink from {@code sinks}.
   */
  <T> Page<T> fetch(LeverRequest request, Optional<String> offset, Supplier<RecordSink<T>> sinks);

  /** The page's records as trees: for small reads (a check, definitions), not for syncing. */
  default Page<List<ObjectNode>> fetch(LeverRequest request, Optional<String> offset) {
    return fetch(request, offset, TreeRecords::new);
  }
}
