package taplever.streams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one {@link StreamSpec} with named parts, so that a registry line reads as a sentence:
 * {@code list("users", "/users").param("includeDeactivated", "true").scope("users:read:admin")}.
 * Checks happen in {@link #build()}: a declaration that cannot work fails when the registry loads,
 * which a test does.
 */
final class StreamDeclaration {
  private enum Kind { LIST, PER_PARENT, INLINE, FROM_ARRAY }

  private final Kind kind;
  private final String name;
  private final Optional<ParentStream> parent;
  private final String pathOrField;
  private List<String> keys = List.of("id");
  private final Map<String, List<String>> params = new LinkedHashMap<>();
  private List<String> recordsAt = List.of("data");
  private Optional<String> projection = Optional.empty();
  private Optional<Endpoint.Pipeline> pipeline = Optional.empty();
  private Optional<Cursor> cursor = Optional.empty();
  private boolean fullTableByDefault = true;
  private boolean silentEdits;
  private Replication.ArrayItems items = new Replication.ArrayItems.Objects();
  private Optional<String> scope = Optional.empty();
  private Optional<String> confidentialityParam = Optional.empty();
  private Access.Refusal refusal = Access.Refusal.FATAL;
  private boolean byDefault = true;
  private boolean deprecated;
  private boolean sharedByParents;
  private Optional<String> byIdPath = Optional.empty();

  private StreamDeclaration(Kind kind, String name, Optional<ParentStream> parent,
      String pathOrField) {
    this.kind = kind;
    this.name = name;
    this.parent = parent;
    this.pathOrField = pathOrField;
  }

  /**
   * A stream other streams hang from, as its children see it.
   *
   * @param childPath path template prefix of its per-record endpoints, e.g. {@code /opportunities/{id}/}
   * @param idField the field children write the parent's id into
   * @param versionSource the parent's field derived rows copy, to mark the parent's current array
   */
  record ParentStream(String name, String childPath, String idField, String versionSource) {
    String versionField() {
      String singular = idField.endsWith("Id") ? idField.substring(0, idField.length() - 2) : idField;
      return singular + Character.toUpperCase(versionSource.charAt(0)) + versionSource.substring(1);
    }
  }

  static StreamDeclaration list(String name, String path) {
    return new StreamDeclaration(Kind.LIST, name, Optional.empty(), path);
  }

  /** One request per parent record to the parent's child path + {@code child}. */
  static StreamDeclaration perParent(String name, ParentStream parent, String child) {
    return new StreamDeclaration(Kind.PER_PARENT, name, Optional.of(parent), child);
  }

  /** Inline in the parent's page with {@code expand=field}. */
  static StreamDeclaration inline(String name, ParentStream parent, String field) {
    return new StreamDeclaration(Kind.INLINE, name, Optional.of(parent), field);
  }

  /** One row per element of the parent's {@code field}. */
  static StreamDeclaration fromArray(String name, ParentStream parent, String field) {
    return new StreamDeclaration(Kind.FROM_ARRAY, name, Optional.of(parent), field);
  }

  StreamDeclaration key(String... fields) {
    keys = List.of(fields);
    return this;
  }

  StreamDeclaration param(String param, String value) {
    params.computeIfAbsent(param, p -> new ArrayList<>()).add(value);
    return this;
  }

  /** Lists leave confidential records out unless asked (reference §6.4). */
  StreamDeclaration confidential() {
    confidentialityParam = Optional.of("confidentiality");
    return param("confidentiality", "all");
  }

  StreamDeclaration incremental(Cursor on) {
    cursor = Optional.of(on);
    fullTableByDefault = false;
    return this;
  }

  /** Re-read in full by default; the catalog may choose INCREMENTAL on {@code on} instead. */
  StreamDeclaration fullTableOr(Cursor on) {
    cursor = Optional.of(on);
    fullTableByDefault = true;
    return this;
  }

  StreamDeclaration recordsAt(String... path) {
    recordsAt = List.of(path);
    return this;
  }

  /** Lever omits some fields unless each is named with this parameter. */
  StreamDeclaration askForFieldsWith(String param) {
    projection = Optional.of(param);
    return this;
  }

  StreamDeclaration pipeline(Endpoint.Pipeline filters) {
    pipeline = Optional.of(filters);
    return this;
  }

  /** See {@link Replication.ChildFetch.PerParent#silentEdits()}. */
  StreamDeclaration silentEdits() {
    silentEdits = true;
    return this;
  }

  /** Elements are plain values written into {@code field}. */
  StreamDeclaration values(String field) {
    items = new Replication.ArrayItems.Values(field);
    return this;
  }

  /** Several parents point to one such record (a contact): it does not carry a parent's id. */
  StreamDeclaration sharedByParents() {
    sharedByParents = true;
    return this;
  }

  /**
   * Where Lever serves one such record by its id, for a parent that holds only the id (the
   * expansion did not happen).
   */
  StreamDeclaration orById(String path) {
    byIdPath = Optional.of(path);
    return this;
  }

  StreamDeclaration scope(String oauthScope) {
    scope = Optional.of(oauthScope);
    return this;
  }

  StreamDeclaration addOn() {
    refusal = Access.Refusal.ADD_ON;
    return this;
  }

  StreamDeclaration unverifiedEndpoint() {
    refusal = Access.Refusal.UNVERIFIED_ENDPOINT;
    return this;
  }

  StreamDeclaration notByDefault() {
    byDefault = false;
    return this;
  }

  StreamDeclaration deprecated() {
    deprecated = true;
    byDefault = false;
    return this;
  }

  private Optional<String> parentId() {
    return sharedByParents ? Optional.empty() : Optional.of(parent.get().idField());
  }

  StreamSpec build() {
    Replication replication = switch (kind) {
      case LIST -> {
        Endpoint endpoint = new Endpoint(pathOrField, params, recordsAt, projection, pipeline);
        yield fullTableByDefault ? new Replication.FullTable(endpoint, cursor)
            : new Replication.Incremental(endpoint, cursor.orElseThrow());
      }
      case PER_PARENT -> new Replication.WithParent(parent.get().name(), parentId(),
          new Replication.ChildFetch.PerParent(parent.get().childPath() + pathOrField, silentEdits));
      case INLINE -> new Replication.WithParent(parent.get().name(), parentId(),
          new Replication.ChildFetch.Inline("expand", pathOrField, pathOrField, byIdPath));
      case FROM_ARRAY -> new Replication.FromParentArray(parent.get().name(), pathOrField, items,
          parent.get().idField(), parent.get().versionField(), parent.get().versionSource());
    };
    if (kind != Kind.LIST && (!params.isEmpty() || pipeline.isPresent() || cursor.isPresent()
        || projection.isPresent() || !recordsAt.equals(List.of("data")))) {
      throw new IllegalStateException(name + ": only lists take parameters, cursors, a projection"
          + " and a records path");
    }
    if (byIdPath.isPresent() && kind != Kind.INLINE) {
      throw new IllegalStateException(name + ": only an inline child is read by id instead");
    }
    if (silentEdits && kind != Kind.PER_PARENT) {
      throw new IllegalStateException(name + ": only per-parent requests can be edited silently");
    }
    if (kind != Kind.FROM_ARRAY && items instanceof Replication.ArrayItems.Values) {
      throw new IllegalStateException(name + ": only rows made from an array hold plain values");
    }
    if (sharedByParents && kind != Kind.PER_PARENT && kind != Kind.INLINE) {
      throw new IllegalStateException(name + ": only a child can be shared by its parents");
    }
    String oauth = scope.orElseThrow(() -> new IllegalStateException(name + " needs a scope"));
    return new StreamSpec(name, keys, replication, new Access(oauth, confidentialityParam, refusal),
        byDefault, deprecated);
  }
}
