package taplever.http;

import java.util.Objects;
import java.util.Optional;

/**
 * One page of a Lever list, after its records went to a {@link RecordSink}:
 * {@code {"data": [...], "hasNext": true, "next": "token"}}.
 *
 * @param records what the sink made of the page's records
 * @param next the offset token for the following page, passed back verbatim
 */
public record Page<T>(T records, boolean hasNext, Optional<String> next) {
  public Page {
    Objects.requireNonNull(next, "next");
  }
}
