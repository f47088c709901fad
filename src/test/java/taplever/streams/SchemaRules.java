package taplever.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The generic rules every stream schema obeys, each returning its violations as "path: problem"
 * lines so that a failing test names every offending property at once. Paths read like
 * {@code opportunities.phones[].value}; {@code .*} is an {@code additionalProperties} schema.
 */
final class SchemaRules {
  /** A JSON Schema node and where it sits. {@code name} is its property name ({@code x[]} for items). */
  record SchemaNode(String path, String name, JsonNode schema, boolean topLevel, boolean property,
      boolean insideMark) {}

  private static final Set<String> PERSONAL_TYPES = Set.of("string", "array", "object");
  private static final Pattern ID_NAME = Pattern.compile("id|.*Ids?(\\[])?");
  /** Lever timestamps whose names do not end in At. */
  private static final Set<String> OTHER_TIMESTAMPS = Set.of("snoozedUntil", "date", "start", "end",
      "hiredDate");

  private SchemaRules() {}

  /** Every node below the root, depth first, following properties, items and additionalProperties. */
  static List<SchemaNode> nodes(String stream, JsonNode root) {
    List<SchemaNode> out = new ArrayList<>();
    children(stream, root, true, false, out);
    return out;
  }

  private static void children(String path, JsonNode schema, boolean root, boolean insideMark,
      List<SchemaNode> out) {
    boolean marked = insideMark || schema.has("x-pii");
    JsonNode props = schema.get("properties");
    if (props != null) {
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) props::fields) {
        visit(new SchemaNode(path + "." + e.getKey(), e.getKey(), e.getValue(), root, true, marked), out);
      }
    }
    JsonNode items = schema.get("items");
    if (items != null) {
      String name = path.substring(path.lastIndexOf('.') + 1) + "[]";
      visit(new SchemaNode(path + "[]", name, items, false, false, marked), out);
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      visit(new SchemaNode(path + ".*", "*", additional, false, false, marked), out);
    }
  }

  private static void visit(SchemaNode node, List<SchemaNode> out) {
    out.add(node);
    children(node.path(), node.schema(), false, node.insideMark(), out);
  }

  /**
   * Explicit types: pipelinewise-target-postgres reads {@code type} directly. Every node is
   * nullable (Lever omits fields) except top-level key properties named in {@code required}.
   * An object without properties must say it is a free-form map (additionalProperties), an array
   * must declare its items, unless the value is documented as polymorphic (every JSON type).
   */
  static List<String> typed(List<SchemaNode> nodes, Set<String> nonNullableKeys) {
    List<String> problems = new ArrayList<>();
    for (SchemaNode n : nodes) {
      JsonNode type = n.schema().get("type");
      if (type == null) {
        problems.add(n.path() + ": no type");
        continue;
      }
      boolean key = n.topLevel() && nonNullableKeys.contains(n.name());
      if (!key && !(type.isArray() && type.toString().contains("\"null\""))) {
        problems.add(n.path() + ": not nullable: " + type);
      }
      boolean anyType = type.size() >= 6;
      if (type.toString().contains("\"object\"") && !n.schema().has("properties")
          && !n.schema().has("additionalProperties") && !anyType) {
        problems.add(n.path() + ": object with neither properties nor additionalProperties");
      }
      if (type.toString().contains("\"array\"") && !n.schema().has("items") && !anyType) {
        problems.add(n.path() + ": array without items");
      }
    }
    return problems;
  }

  /**
   * No {@code "properties": {}}. Flattening targets expand an object that has a properties key
   * into one column per property, so an empty one becomes no column and its data is dropped:
   * meltano/sdk singer_sdk/helpers/_flattening.py {@code _flatten_schema} recurses whenever
   * {@code "object" in type and "properties" in field_schema and level < max_level}, and
   * MeltanoLabs/target-sqlite target_sqlite/utils/singer_target_utils.py {@code flatten_schema}
   * does the same at every level, keeping an object as one JSON column only when it has no
   * properties key. A free-form object is therefore declared without properties.
   */
  static List<String> noEmptyProperties(String stream, JsonNode root) {
    List<String> problems = new ArrayList<>();
    if (root.path("properties").isEmpty()) {
      problems.add(stream + ": no properties");
    }
    for (SchemaNode n : nodes(stream, root)) {
      JsonNode props = n.schema().get("properties");
      if (props != null && props.isEmpty()) {
        problems.add(n.path() + ": empty properties (a flattening target drops it)");
      }
    }
    return problems;
  }

  /** Lever's epoch-millisecond fields are declared date-time, so the tap emits RFC3339. */
  static List<String> timestamps(List<SchemaNode> nodes) {
    List<String> problems = new ArrayList<>();
    for (SchemaNode n : nodes) {
      boolean named = n.name().endsWith("At") || OTHER_TIMESTAMPS.contains(n.name());
      boolean scalar = !n.schema().path("type").toString().contains("object");
      if (n.property() && named && scalar && !"date-time".equals(n.schema().path("format").asText())) {
        problems.add(n.path() + ": timestamp not declared date-time");
      }
      if ("date-time".equals(n.schema().path("format").asText()) && !onlyString(n.schema())) {
        problems.add(n.path() + ": a date-time must be a string (or null), nothing else");
      }
    }
    return problems;
  }

  private static boolean onlyString(JsonNode schema) {
    List<String> types = new ArrayList<>(types(schema));
    types.remove("null");
    return types.equals(List.of("string"));
  }

  private static List<String> types(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      return List.of(type.asText());
    }
    List<String> types = new ArrayList<>();
    type.forEach(t -> types.add(t.asText()));
    return types;
  }

  /**
   * {@code x-pii} marks where a personal value lives, for the hashing feature: only the value
   * {@code true}, only on a schema that can hold a string, array or object, never inside another
   * mark (one mark per value, so nothing is hashed twice), and never on an id (joins need them).
   */
  static List<String> personalMarks(List<SchemaNode> nodes) {
    List<String> problems = new ArrayList<>();
    for (SchemaNode n : nodes) {
      JsonNode mark = n.schema().get("x-pii");
      if (mark == null) {
        continue;
      }
      if (!mark.isBoolean() || !mark.booleanValue()) {
        problems.add(n.path() + ": x-pii must be true, was " + mark);
      }
      List<String> types = types(n.schema());
      if (types.stream().noneMatch(PERSONAL_TYPES::contains)) {
        problems.add(n.path() + ": x-pii on a " + types + " value");
      }
      if (n.insideMark()) {
        problems.add(n.path() + ": x-pii inside a marked value");
      }
      if (ID_NAME.matcher(n.name()).matches()) {
        problems.add(n.path() + ": an id marked personal");
      }
    }
    return problems;
  }

  static List<String> markedPaths(List<SchemaNode> nodes) {
    return nodes.stream().filter(n -> n.schema().has("x-pii")).map(SchemaNode::path).toList();
  }
}
