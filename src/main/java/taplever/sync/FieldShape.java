package taplever.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON Schema node compiled once per stream into what the shaper needs per value: the allowed
 * JSON types, whether it is a timestamp, and its nested shapes. Walking the raw schema for every
 * record would cost more than the records themselves.
 */
record FieldShape(Set<Type> types, boolean dateTime, Map<String, FieldShape> properties,
    Optional<FieldShape> items) {

  enum Type { NULL, STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY }

  static FieldShape compile(JsonNode schema) {
    Set<Type> types = EnumSet.noneOf(Type.class);
    JsonNode type = schema.get("type");
    if (type == null) {
      types.addAll(EnumSet.allOf(Type.class));
    } else if (type.isArray()) {
      type.forEach(t -> types.add(Type.valueOf(t.asText().toUpperCase(java.util.Locale.ROOT))));
    } else {
      types.add(Type.valueOf(type.asText().toUpperCase(java.util.Locale.ROOT)));
    }
    Map<String, FieldShape> props = new LinkedHashMap<>();
    JsonNode p = schema.get("properties");
    if (p != null) {
      p.fields().forEachRemaining(e -> props.put(e.getKey(), compile(e.getValue())));
    }
    JsonNode items = schema.get("items");
    return new FieldShape(Set.copyOf(types), "date-time".equals(schema.path("format").asText()),
        Map.copyOf(props), items == null ? Optional.empty() : Optional.of(compile(items)));
  }

  boolean allows(Type t) {
    return types.contains(t);
  }

  /** A shape with no declared sub-shapes whose value is passed through as Lever sent it. */
  boolean isOpaque() {
    return properties.isEmpty() && items.isEmpty() && !dateTime;
  }
}
