package taplever.sync.read;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import taplever.catalog.Discovery;
import taplever.catalog.StreamSelection;
import taplever.http.LeverRequest;
import taplever.streams.Cursor;
import taplever.streams.Endpoint;
import taplever.streams.Replication;
import taplever.streams.StreamSpec;

/**
 * The one place a stream's declaration and what a read needs (a window, filters, inline
 * expansions, the fields to project, a parent's id, a page size) become a request to Lever. The
 * sync and {@code check} both build their requests here, so {@code check} asks what a sync asks
 * by construction. Each request carries the keys its records must have, which the reader checks
 * on every page. A builder: one per request, on one thread.
 */
public final class ReadRequest {
  private final StreamSpec stream;
  private final String path;
  private final String label;
  private final Map<String, List<String>> params = new LinkedHashMap<>();
  private final List<String> recordsAt;
  private final List<String> keys;
  private final boolean oneRecord;
  private Optional<Set<String>> fields = Optional.empty();
  private boolean windowed;

  private ReadRequest(StreamSpec stream, String path, String label, Map<String, List<String>> base,
      List<String> recordsAt, List<String> keys, boolean oneRecord) {
    this.stream = stream;
    this.path = path;
    this.label = label;
    base.forEach((name, values) -> params.put(name, new ArrayList<>(values)));
    this.recordsAt = recordsAt;
    this.keys = keys;
    this.oneRecord = oneRecord;
  }

  /** A top-level stream's list, with the parameters it always needs. */
  public static ReadRequest list(StreamSpec top) {
    Endpoint endpoint = top.endpoint().orElseThrow(() -> new IllegalArgumentException(
        top.name() + " has no list of its own"));
    return new ReadRequest(top, endpoint.path(), endpoint.path(), endpoint.params(),
        endpoint.recordsAt(), top.keyProperties(), false);
  }

  /** A child stream's list for one parent record. */
  public static ReadRequest ofParent(StreamSpec child, String parentId) {
    Replication.ChildFetch.PerParent fetch = child.replication().perParentFetch().orElseThrow(
        () -> new IllegalArgumentException(child.name() + " is not read per parent"));
    return new ReadRequest(child, fetch.pathFor(parentId), fetch.pathTemplate(), Map.of(),
        List.of("data"), ownKeys(child), false);
  }

  /** One record of an inline child, by its id, for a parent that holds only the id. */
  public static Optional<ReadRequest> byId(StreamSpec child, String id) {
    return child.replication().inlineFetch().flatMap(inline -> inline.pathFor(id)
        .map(path -> new ReadRequest(child, path, inline.byIdPath().get(), Map.of(),
            List.of("data"), ownKeys(child), true)));
  }

  /** The keys Lever sends itself: a child's parent id is added by the tap when Lever omits it. */
  private static List<String> ownKeys(StreamSpec child) {
    return child.keyProperties().stream()
        .filter(k -> child.parentIdField().map(f -> !f.equals(k)).orElse(true)).toList();
  }

  /** Lever's window on the stream's cursor, both ends inclusive. */
  public ReadRequest window(Instant start, Instant end) {
    Cursor.ServerWindow window = stream.cursor().flatMap(Cursor::serverWindow).orElseThrow(
        () -> new IllegalStateException(stream.name() + " has no server window"));
    params.put(window.startParam(), List.of(Long.toString(start.toEpochMilli())));
    params.put(window.endParam(), List.of(Long.toString(end.toEpochMilli())));
    windowed = true;
    return this;
  }

  /** Filters of Lever's own (the live pipeline, creation windows), replacing same-named ones. */
  public ReadRequest filters(Map<String, List<String>> filters) {
    filters.forEach((name, values) -> params.put(name, new ArrayList<>(values)));
    return this;
  }

  /** Asks for an inline child's records inside each parent record. */
  public ReadRequest expand(StreamSpec inlineChild) {
    Replication.ChildFetch.Inline inline = inlineChild.replication().inlineFetch().orElseThrow(
        () -> new IllegalArgumentException(inlineChild.name() + " does not come inline"));
    params.computeIfAbsent(inline.expandParam(), k -> new ArrayList<>()).add(inline.expandValue());
    return this;
  }

  /**
   * The fields the read needs, for a list that returns only the fields it is asked by name: sent
   * on reads without a window only, since Lever takes its window parameters with nothing else.
   */
  public ReadRequest fields(Collection<String> needed) {
    fields = Optional.of(new LinkedHashSet<>(needed));
    return this;
  }

  /**
   * Every field a walk of {@code top}'s list emits or reads, for a list that returns only the
   * fields it is asked by name: the id, the cursor's key and its fallback, the parent's selected
   * properties and automatic fields when the parent is written, and the arrays rows are made from
   * with the field that versions them. The sync and {@code check} both ask with it.
   *
   * @param parent the top stream's selection, when the walk writes it
   * @param children the selected children the walk serves
   */
  public static Set<String> fieldsRead(StreamSpec top, Optional<StreamSelection> parent,
      List<StreamSpec> children) {
    Set<String> fields = new LinkedHashSet<>();
    fields.add(top.idField());
    Optional<Cursor> cursor = parent.flatMap(StreamSelection::cursor).or(top::cursor);
    cursor.ifPresent(c -> fields.add(c.key()));
    cursor.flatMap(Cursor::fallbackKey).ifPresent(fields::add);
    parent.ifPresent(p -> {
      p.schema().path("properties").fieldNames().forEachRemaining(fields::add);
      fields.addAll(Discovery.automaticFields(p.spec()));
    });
    for (StreamSpec child : children) {
      child.replication().rowsFromArray().ifPresent(rows -> {
        fields.add(rows.versionSource());
        fields.add(rows.arrayField());
      });
    }
    return fields;
  }

  /** At most {@code records} per page (check asks for one). */
  public ReadRequest pageSize(int records) {
    params.put("limit", List.of(Integer.toString(records)));
    return this;
  }

  /** Without the parameter that asks for confidential records too (check tells scopes apart). */
  public ReadRequest withoutConfidential() {
    stream.access().confidentialityParam().ifPresent(params::remove);
    return this;
  }

  public LeverRequest build() {
    Map<String, List<String>> all = new LinkedHashMap<>(params);
    Optional<String> projection = stream.endpoint().flatMap(Endpoint::projectionParam);
    if (projection.isPresent() && fields.isPresent() && !windowed) {
      List<String> limit = all.remove("limit");
      all.put(projection.get(), List.copyOf(fields.get()));
      if (limit != null) {
        all.put("limit", limit);
      }
    }
    return new LeverRequest(path, label, all, recordsAt, keys, oneRecord);
  }
}
