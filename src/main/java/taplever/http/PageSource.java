package taplever.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Where pages of Lever lists come from: Lever itself, or a script in tests. */
public interface PageSource {
  /**
   * How often a page is asked for at a token saved by an earlier run before the reader gives up
   * on the token: Lever ties a token to its exact query and may refuse or choke on it later.
   */
  int RESUME_TRIES = 3;

  /**
   * The page at {@code offset} (empty: the first page). Each attempt at reading the answer gets a
   * fresh sink from {@code sinks}.
   */
  <T> Page<T> fetch(LeverRequest request, Optional<String> offset, Supplier<RecordSink<T>> sinks);

  /**
   * The page at a token saved by an earlier run: asked for at most {@link #RESUME_TRIES} times, so
   * a token Lever will not serve is given up quickly (the caller reads the list from its start).
   */
  default <T> Page<T> fetchResumed(LeverRequest request, String offset,
      Supplier<RecordSink<T>> sinks) {
    return fetch(request, Optional.of(offset), sinks);
  }

  /** The page's records as trees: for small reads (a check, definitions), not for syncing. */
  default Page<List<ObjectNode>> fetch(LeverRequest request, Optional<String> offset) {
    return fetch(request, offset, TreeRecords::new);
  }
}
