package taplever.streams;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Lever endpoint as a Singer stream. The engine runs every stream from this declaration
 * alone; Lever's traps (confidentiality=all, includeDeactivated=true, expand) are data here.
 *
 * @param path the endpoint, with {@code {id}} standing for the parent's id in child streams
 * @param params query parameters always sent (repeatable, insertion-ordered)
 * @param cursor the field the stream can be bookmarked on, if any
 * @param defaultMethod the replication method used unless the catalog chooses another
 * @param scope the OAuth scope Lever wants for the endpoint, named in 403 messages and by login
 */
public record StreamSpec(
    String name,
    String path,
    List<String> keyProperties,
    Optional<Cursor> cursor,
    ReplicationMethod defaultMethod,
    Map<String, List<String>> params,
    Optional<ParentLink> parent,
    boolean selectedByDefault,
    String scope,
    Set<Quirk> quirks) {

  public StreamSpec {
    keyProperties = List.copyOf(keyProperties);
    params = Map.copyOf(params);
    quirks = Set.copyOf(quirks);
  }

  public boolean isChild() {
    return parent.isPresent();
  }

  public boolean has(Quirk quirk) {
    return quirks.contains(quirk);
  }

  /** The path for one parent record. */
  public String pathFor(String parentId) {
    return path.replace("{id}", parentId);
  }

  /** True when the child's records come inside the parent's page. */
  public boolean isEmbedded() {
    return parent.flatMap(ParentLink::embedded).isPresent();
  }
}
