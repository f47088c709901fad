package taplever.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/** Terse constructors for Jackson tree nodes. */
final class Nodes {
  private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private Nodes() {}

  static ObjectNode object() {
    return FACTORY.objectNode();
  }

  static ArrayNode array() {
    return FACTORY.arrayNode();
  }

  static ArrayNode strings(Collection<String> values) {
    ArrayNode array = FACTORY.arrayNode(values.size());
    values.forEach(array::add);
    return array;
  }

  static ArrayNode strings(String... values) {
    ArrayNode array = FACTORY.arrayNode(values.length);
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  /** {@code {"id": id, "text": text}}, the shape of a stage or an expanded reference. */
  static ObjectNode idText(String id, String text) {
    return object().put("id", id).put("text", text);
  }

  /**
   * The epoch-ms value of {@code field}, or {@code fallback} when it is absent, null or not a
   * number.
   */
  static long millis(ObjectNode node, String field, long fallback) {
    var value = node.get(field);
    return value != null && value.isNumber() ? value.asLong() : fallback;
  }

  static String text(ObjectNode node, String field) {
    var value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
