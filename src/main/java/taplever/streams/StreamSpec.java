package taplever.streams;

import java.util.List;
import java.util.Optional;

/**
 * One Lever endpoint, or one part of a parent's records, as a Singer stream. The engine runs every
 * stream from this declaration alone; Lever's traps (confidentiality=all, includeDeactivated=true,
 * expand, the EEO envelope) are data here, never conditions in the engine.
 *
 * @param keyProperties the primary key; a stream other streams hang from has exactly one, its id
 * @param deprecated Lever deprecated the endpoint: a sync warns once
 */
public record StreamSpec(String name, List<String> keyProperties, Replication replication,
    Access access, boolean selectedByDefault, boolean deprecated) {

  public StreamSpec {
    keyProperties = List.copyOf(keyProperties);
    if (keyProperties.isEmpty()) {
      throw new IllegalArgumentException(name + " needs a key");
    }
  }

  public boolean isChild() {
    return replication.parent().isPresent();
  }

  public Optional<String> parent() {
    return replication.parent();
  }

  public Optional<Endpoint> endpoint() {
    return replication.endpoint();
  }

  public Optional<Cursor> cursor() {
    return replication.cursor();
  }

  public Optional<String> parentIdField() {
    return replication.parentIdField();
  }

  /** The endpoint label for metrics and messages. */
  public String label() {
    return replication.label();
  }

  /**
   * INCREMENTAL unless the stream's own replication is a full table. A child follows its parent:
   * under a full-table parent it is re-read with it, whatever this says (the catalog's default
   * method resolves that, in {@code Discovery.defaultMethod}).
   */
  public boolean incrementalByDefault() {
    return !(replication instanceof Replication.FullTable);
  }

  /** The field holding a record's id, which children are read by. */
  public String idField() {
    return keyProperties.get(0);
  }
}
