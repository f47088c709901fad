package taplever.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import taplever.error.InputException;
import taplever.streams.Cursor;
import taplever.streams.LeverStreams;
import taplever.streams.SchemaRepository;
import taplever.streams.StreamSpec;

/**
 * Turns a catalog (or its absence) into the selected streams, in registry order. Accepts stream-
 * and field-level {@code selected} as booleans or the strings "true"/"false", and the legacy
 * {@code selected} inside a stream's schema; rejects what it cannot honour.
 */
public final class Selection {
  private final SchemaRepository schemas;

  public Selection(SchemaRepository schemas) {
    this.schemas = schemas;
  }

  /** No catalog: the streams selected by default, every field. */
  public List<StreamSelection> defaults() {
    List<StreamSelection> out = new ArrayList<>();
    for (StreamSpec spec : LeverStreams.ALL) {
      if (spec.selectedByDefault()) {
        out.add(everything(spec));
      }
    }
    return out;
  }

  /** One stream with every field and its default replication, as if selected alone. */
  public StreamSelection everything(StreamSpec spec) {
    return build(spec, spec.incrementalByDefault() ? spec.cursor() : Optional.empty(), Map.of());
  }

  public List<StreamSelection> fromCatalog(JsonNode catalog) {
    if (catalog == null || !catalog.isObject() || !catalog.path("streams").isArray()) {
      throw new InputException("catalog must be a JSON object with a 'streams' array");
    }
    Map<String, StreamSelection> chosen = new HashMap<>();
    Set<String> listed = new HashSet<>();
    for (JsonNode entry : catalog.get("streams")) {
      if (!entry.isObject()) {
        throw new InputException("catalog 'streams' must hold JSON objects");
      }
      String name = entry.path("tap_stream_id").asText(entry.path("stream").asText(""));
      StreamSpec spec = LeverStreams.find(name).orElseThrow(() -> new InputException(
          "catalog names stream '" + name + "' that tap-lever does not know; known streams: "
              + String.join(", ", LeverStreams.BY_NAME.keySet())));
      if (!listed.add(name)) {
        // Two entries could select different fields or methods; merging them would guess.
        throw new InputException("catalog lists stream '" + name + "' more than once; keep one"
            + " entry for it");
      }
      Map<List<String>, JsonNode> metadata = metadata(name, entry.get("metadata"));
      JsonNode root = metadata.getOrDefault(List.of(), com.fasterxml.jackson.databind.node.NullNode.instance);
      Optional<Boolean> selected = bool(name, "selected", root.get("selected"))
          .or(() -> bool(name, "schema.selected", entry.path("schema").get("selected")));
      if (selected.orElse(false)) {
        chosen.put(name, build(spec, method(spec, root, entry), metadata));
      }
    }
    return LeverStreams.ALL.stream().map(s -> chosen.get(s.name())).filter(s -> s != null).toList();
  }

  private StreamSelection build(StreamSpec spec, Optional<Cursor> cursor,
      Map<List<String>, JsonNode> metadata) {
    ObjectNode schema = schemas.schema(spec.name());
    ObjectNode properties = (ObjectNode) schema.get("properties");
    Set<String> automatic = Discovery.automaticFields(spec);
    Set<String> dropped = new LinkedHashSet<>();
    // Top-level breadcrumbs, including fields the schema does not declare: a field the tap
    // learned from Lever's answers can be deselected by naming it.
    for (Map.Entry<List<String>, JsonNode> e : metadata.entrySet()) {
      List<String> crumb = e.getKey();
      if (crumb.size() != 2 || !crumb.get(0).equals("properties")) {
        continue;
      }
      String field = crumb.get(1);
      JsonNode md = e.getValue();
      boolean keep = automatic.contains(field)
          || bool(spec.name(), field + ".selected", md.get("selected"))
              .orElse(bool(spec.name(), field + ".selected-by-default", md.get("selected-by-default"))
                  .orElse(true)) && !"unsupported".equals(md.path("inclusion").asText());
      if (!keep) {
        dropped.add(field);
      }
    }
    dropped.forEach(properties::remove);
    return new StreamSelection(spec, cursor, schema, dropped);
  }

  /** The cursor the stream is read by: empty for FULL_TABLE, and for children (their parent's). */
  private static Optional<Cursor> method(StreamSpec spec, JsonNode root, JsonNode entry) {
    String requested = text(root.get("forced-replication-method"))
        .or(() -> text(root.get("replication-method")))
        .or(() -> text(entry.get("replication_method")))
        .orElse(Discovery.defaultMethod(spec)).toUpperCase(Locale.ROOT);
    if (!requested.equals("INCREMENTAL") && !requested.equals("FULL_TABLE")) {
      throw new InputException("catalog stream '" + spec.name() + "' asks for replication method '"
          + requested + "'; tap-lever supports FULL_TABLE and INCREMENTAL");
    }
    boolean incremental = requested.equals("INCREMENTAL");
    if (incremental && spec.cursor().isEmpty() && !spec.isChild()) {
      throw new InputException("catalog stream '" + spec.name() + "' cannot be INCREMENTAL: Lever"
          + " gives it no replication key; use FULL_TABLE");
    }
    Optional<String> key = text(root.get("replication-key")).or(() -> text(entry.get("replication_key")));
    if (key.isPresent() && !spec.cursor().map(Cursor::key).equals(key)) {
      throw new InputException("catalog stream '" + spec.name() + "' has replication-key '" + key.get()
          + "', which is not one of its valid-replication-keys "
          + spec.cursor().map(c -> "[" + c.key() + "]").orElse("[]"));
    }
    return spec.isChild() || !incremental ? Optional.empty() : spec.cursor();
  }

  private static Map<List<String>, JsonNode> metadata(String stream, JsonNode list) {
    Map<List<String>, JsonNode> out = new HashMap<>();
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      throw new InputException("catalog stream '" + stream + "' has 'metadata' that is not an array");
    }
    for (JsonNode item : list) {
      JsonNode crumb = item.get("breadcrumb");
      JsonNode md = item.get("metadata");
      if (crumb == null || !crumb.isArray() || md == null || !md.isObject()) {
        throw new InputException("catalog stream '" + stream + "' has a metadata entry without a"
            + " 'breadcrumb' array and a 'metadata' object");
      }
      List<String> path = new ArrayList<>();
      crumb.forEach(c -> path.add(c.asText()));
      out.put(List.copyOf(path), md);
    }
    return out;
  }

  private static Optional<Boolean> bool(String stream, String what, JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isBoolean()) {
      return Optional.of(node.asBoolean());
    }
    if (node.isTextual()) {
      String v = node.asText().strip().toLowerCase(Locale.ROOT);
      if (v.equals("true") || v.equals("false")) {
        return Optional.of(v.equals("true"));
      }
    }
    throw new InputException("catalog stream '" + stream + "': '" + what
        + "' must be true or false, not " + node);
  }

  private static Optional<String> text(JsonNode node) {
    return node == null || node.isNull() || node.asText().isBlank()
        ? Optional.empty() : Optional.of(node.asText());
  }
}
