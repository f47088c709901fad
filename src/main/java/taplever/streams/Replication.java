package taplever.streams;

import java.util.Optional;

/**
 * How a stream's records are found and how far each run reads: the one place the engine asks.
 * Top-level streams name their {@link Endpoint}; children name their parent and how the parent
 * leads to them. The set is closed, so a stream cannot be half one thing and half another.
 */
public sealed interface Replication {

  /** The parent stream, for children; empty for top-level lists. */
  default Optional<String> parent() {
    return Optional.empty();
  }

  /** The list a top-level stream reads; empty for children. */
  default Optional<Endpoint> endpoint() {
    return Optional.empty();
  }

  /** The key a top-level stream can be bookmarked on (by default, or if the catalog opts in). */
  default Optional<Cursor> cursor() {
    return Optional.empty();
  }

  /** The child record's field holding its parent's id. */
  default Optional<String> parentIdField() {
    return Optional.empty();
  }

  /** The request per parent record that reads this stream, if it is read that way. */
  default Optional<ChildFetch.PerParent> perParentFetch() {
    return Optional.empty();
  }

  /** How this child comes inline in its parent's page, if it comes that way. */
  default Optional<ChildFetch.Inline> inlineFetch() {
    return Optional.empty();
  }

  /** The parent's array this stream's rows are made from, if it is made that way. */
  default Optional<FromParentArray> rowsFromArray() {
    return Optional.empty();
  }

  /** The endpoint label for metrics and messages: a path or a path template, never an id. */
  String label();

  /**
   * Every run re-reads the whole list (Lever offers nothing to filter on, or nothing reliable).
   *
   * @param optIn a key the catalog may choose for INCREMENTAL replication instead
   */
  record FullTable(Endpoint list, Optional<Cursor> optIn) implements Replication {
    @Override
    public Optional<Endpoint> endpoint() {
      return Optional.of(list);
    }

    @Override
    public Optional<Cursor> cursor() {
      return optIn;
    }

    @Override
    public String label() {
      return list.path();
    }
  }

  /** A run reads from the stream's bookmark on {@code key.key()} up to the sync's start. */
  record Incremental(Endpoint list, Cursor key) implements Replication {
    @Override
    public Optional<Endpoint> endpoint() {
      return Optional.of(list);
    }

    @Override
    public Optional<Cursor> cursor() {
      return Optional.of(key);
    }

    @Override
    public String label() {
      return list.path();
    }
  }

  /**
   * Records that belong to one parent record each, read for the parents a run walks.
   *
   * @param idField the child record's field that holds its parent's id (added when Lever's
   *     payload lacks it); empty for a record several parents share (a contact), which the
   *     parents point to instead
   */
  record WithParent(String parentName, Optional<String> idField, ChildFetch fetch)
      implements Replication {
    @Override
    public Optional<String> parent() {
      return Optional.of(parentName);
    }

    @Override
    public Optional<String> parentIdField() {
      return idField;
    }

    @Override
    public Optional<ChildFetch.PerParent> perParentFetch() {
      return fetch instanceof ChildFetch.PerParent p ? Optional.of(p) : Optional.empty();
    }

    @Override
    public Optional<ChildFetch.Inline> inlineFetch() {
      return fetch instanceof ChildFetch.Inline i ? Optional.of(i) : Optional.empty();
    }

    @Override
    public String label() {
      return fetch instanceof ChildFetch.PerParent p ? p.pathTemplate()
          : "inline in " + parentName;
    }
  }

  /**
   * One row per element of an array the parent record carries: no request at all.
   *
   * @param arrayField the parent's field holding the array
   * @param items how an element becomes a row
   * @param idField the row's field holding the parent's id
   * @param versionField the row's field holding the parent's {@code versionSource} value, which
   *     tells rows of the parent's current array apart from rows Lever has removed since
   * @param versionSource the parent's field copied into {@code versionField}
   */
  record FromParentArray(String parentName, String arrayField, ArrayItems items, String idField,
      String versionField, String versionSource) implements Replication {
    @Override
    public Optional<String> parent() {
      return Optional.of(parentName);
    }

    @Override
    public Optional<String> parentIdField() {
      return Optional.of(idField);
    }

    /** The row's field an element is written into, when elements are plain values. */
    public Optional<String> valueField() {
      return items instanceof ArrayItems.Values v ? Optional.of(v.field()) : Optional.empty();
    }

    @Override
    public Optional<FromParentArray> rowsFromArray() {
      return Optional.of(this);
    }

    @Override
    public String label() {
      return "rows of " + parentName + "." + arrayField;
    }
  }

  /** How a child's records are fetched. */
  sealed interface ChildFetch {

    /**
     * One request per parent record, to {@code pathTemplate} with {@code {id}} replaced.
     *
     * @param silentEdits Lever can change these records without moving the parent's
     *     {@code updatedAt}, so a parent's window alone would miss edits: the engine re-reads them
     *     for live parents every run and for the others on a rolling schedule
     */
    record PerParent(String pathTemplate, boolean silentEdits) implements ChildFetch {
      public String pathFor(String parentId) {
        return pathTemplate.replace("{id}", parentId);
      }
    }

    /**
     * The parent's page carries them when asked ({@code expandParam=expandValue}), in the parent's
     * {@code field}: an array of objects or a single object, which the parent keeps as ids.
     *
     * @param byIdPath where one record is read by its id ({@code /contacts/{id}}), for a parent
     *     whose field holds the id instead of the expanded object; empty if Lever offers no such
     *     read
     */
    record Inline(String expandParam, String expandValue, String field, Optional<String> byIdPath)
        implements ChildFetch {

      /** The path that reads the record with {@code id}, when Lever offers one. */
      public Optional<String> pathFor(String id) {
        return byIdPath.map(p -> p.replace("{id}", id));
      }
    }
  }

  /** How an element of a parent's array becomes a row. */
  sealed interface ArrayItems {

    /** Each element is an object whose fields become the row's. */
    record Objects() implements ArrayItems {}

    /** Each element is a plain value (a tag, an id), written into {@code field}. */
    record Values(String field) implements ArrayItems {}
  }
}
