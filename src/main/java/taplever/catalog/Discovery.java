package taplever.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import taplever.streams.Cursor;
import taplever.streams.LeverStreams;
import taplever.streams.SchemaRepository;
import taplever.streams.StreamSpec;

/** Builds the catalog from the registry and the schema files; needs no network. */
public final class Discovery {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final SchemaRepository schemas;

  public Discovery(SchemaRepository schemas) {
    this.schemas = schemas;
  }

  public ObjectNode catalog() {
    ObjectNode root = JSON.objectNode();
    ArrayNode streams = root.putArray("streams");
    for (StreamSpec spec : LeverStreams.ALL) {
      streams.add(entry(spec));
    }
    return root;
  }

  /** Fields the tap always emits: keys, the replication key, the parent's id and version. */
  public static Set<String> automaticFields(StreamSpec spec) {
    Set<String> fields = new LinkedHashSet<>(spec.keyProperties());
    spec.cursor().map(Cursor::key).ifPresent(fields::add);
    spec.parentIdField().ifPresent(fields::add);
    spec.replication().rowsFromArray().ifPresent(rows -> fields.add(rows.versionField()));
    return fields;
  }

  /** What a stream replicates by unless the catalog says otherwise; children follow the parent. */
  public static String defaultMethod(StreamSpec spec) {
    StreamSpec top = spec.parent().map(p -> LeverStreams.find(p).orElseThrow()).orElse(spec);
    return top.incrementalByDefault() ? "INCREMENTAL" : "FULL_TABLE";
  }

  private ObjectNode entry(StreamSpec spec) {
    ObjectNode schema = schemas.schema(spec.name());
    ObjectNode entry = JSON.objectNode();
    entry.put("tap_stream_id", spec.name());
    entry.put("stream", spec.name());
    entry.set("schema", schema);
    ArrayNode keys = entry.putArray("key_properties");
    spec.keyProperties().forEach(keys::add);
    entry.put("replication_method", defaultMethod(spec));
    if (spec.incrementalByDefault()) {
      spec.cursor().ifPresent(c -> entry.put("replication_key", c.key()));
    }
    ArrayNode metadata = entry.putArray("metadata");
    metadata.add(streamMetadata(spec));
    Set<String> automatic = automaticFields(spec);
    for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
      String field = it.next();
      ObjectNode item = metadata.addObject();
      item.putArray("breadcrumb").add("properties").add(field);
      ObjectNode md = item.putObject("metadata");
      md.put("inclusion", automatic.contains(field) ? "automatic" : "available");
      md.put("selected-by-default", true);
    }
    return entry;
  }

  private static ObjectNode streamMetadata(StreamSpec spec) {
    ObjectNode item = JSON.objectNode();
    item.putArray("breadcrumb");
    ObjectNode md = item.putObject("metadata");
    md.put("inclusion", "available");
    md.put("selected-by-default", spec.selectedByDefault());
    md.put("selected", spec.selectedByDefault());
    ArrayNode keys = md.putArray("table-key-properties");
    spec.keyProperties().forEach(keys::add);
    ArrayNode valid = md.putArray("valid-replication-keys");
    spec.cursor().ifPresent(c -> valid.add(c.key()));
    if (spec.cursor().isEmpty()) {
      // Children follow their parent's window; streams without a cursor can only be re-read.
      md.put("forced-replication-method", defaultMethod(spec));
    } else {
      md.put("replication-method", defaultMethod(spec));
      if (spec.incrementalByDefault()) {
        md.put("replication-key", spec.cursor().get().key());
      }
    }
    spec.parent().ifPresent(p -> md.put("parent-tap-stream-id", p));
    return item;
  }
}
