package taplever.streams;

import java.util.Optional;

/**
 * A child stream's tie to its parent: the parent's records are walked and, for each, the child's
 * path is read with {@code {id}} replaced by the parent's id, which is also written into every
 * child record as {@code idField} (Lever's payloads often lack it).
 *
 * @param embedded when present, the child's records come inline in the parent's page (Lever's
 *     {@code expand}), so no request per parent is made
 */
public record ParentLink(String parent, String idField, Optional<Embedded> embedded) {

  /** A child that the parent's list can carry: {@code expand=<expand>} fills {@code field}. */
  public record Embedded(String expand, String field) {}
}
