package taplever.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import taplever.streams.ReplicationMethod;
import taplever.streams.StreamSpec;

/**
 * What the user asked of one stream, resolved from the catalog: the engine sees nothing else.
 *
 * @param schema the stream's schema narrowed to {@code fields}: what its SCHEMA message carries
 * @param fields top-level properties to emit (automatic ones always among them)
 */
public record StreamSelection(StreamSpec spec, ReplicationMethod method, Set<String> fields,
    ObjectNode schema) {

  public String name() {
    return spec.name();
  }

  public boolean incremental() {
    return method == ReplicationMethod.INCREMENTAL && spec.cursor().isPresent();
  }
}
