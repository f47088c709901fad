package taplever.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Definitions Lever keeps in another stream ({@code requisition_fields}: id, {@code type}, and
 * {@code subfields} for objects), read once per run before the streams that need them, so custom
 * values are typed by Lever's own metadata. Immutable once built.
 */
final class FieldDefinitions {
  static final FieldDefinitions NONE = new FieldDefinitions(Map.of());

  /** stream → field id → its definition. */
  private final Map<String, Map<String, JsonNode>> byStream;

  FieldDefinitions(Map<String, Map<String, JsonNode>> byStream) {
    this.byStream = Map.copyOf(byStream);
  }

  static Map<String, JsonNode> index(List<? extends JsonNode> definitions) {
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode d : definitions) {
      if (d.path("id").isTextual()) {
        byId.put(d.get("id").asText(), d);
      }
    }
    return Map.copyOf(byId);
  }

  /** Converts the date values of {@code values} (keyed by field id) in place. */
  void convert(String stream, ObjectNode values) {
    Map<String, JsonNode> defs = byStream.getOrDefault(stream, Map.of());
    values.fields().forEachRemaining(e -> convert(defs.get(e.getKey()), values, e.getKey()));
  }

  private static void convert(JsonNode definition, ObjectNode holder, String field) {
    if (definition == null) {
      return;
    }
    String type = definition.path("type").asText();
    if (type.equals("date")) {
      ValueTyping.date(holder, field);
    } else if (type.equals("object") && holder.get(field) instanceof ObjectNode nested) {
      Map<String, JsonNode> subfields = index(list(definition.path("subfields")));
      nested.fields().forEachRemaining(e -> convert(subfields.get(e.getKey()), nested, e.getKey()));
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new java.util.ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
