package taplever.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import taplever.streams.Cursor;
import taplever.streams.StreamSpec;

/**
 * What the user asked of one stream, resolved from the catalog: the engine sees nothing else.
 *
 * @param cursor the key a top-level stream is bookmarked on; empty for a full-table read and for
 *     children, which follow their parent
 * @param schema the stream's schema narrowed to the selected fields: what its SCHEMA carries
 * @param deselected top-level fields the catalog deselected, including fields the schema does not
 *     declare (so a field learned from Lever's answers can be dropped too)
 */
public record StreamSelection(StreamSpec spec, Optional<Cursor> cursor, ObjectNode schema,
    Set<String> deselected) {

  public StreamSelection {
    deselected = Set.copyOf(deselected);
  }

  public String name() {
    return spec.name();
  }

  public boolean incremental() {
    return cursor.isPresent();
  }
}
