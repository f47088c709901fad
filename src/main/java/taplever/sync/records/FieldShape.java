package taplever.sync.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A JSON Schema node compiled once per stream into what the shaper needs per value: the allowed
 * JSON types (a bit mask), whether it is a timestamp, its nested shapes, how Lever types a value inside it, and
 * whether it holds personal data. Walking the raw schema for every record would cost more than the
 * records themselves.
 *
 * @param freeForm an object declared without properties: its contents pass as Lever sent them
 * @param additional the shape of an object's keys it does not name ({@code additionalProperties},
 *     e.g. offer signatures by signer role), which are neither unknown nor free
 * @param id unique within the stream, for fields learned under this object at run time
 * @param path where this node sits, as {@code stream.field.nested} (array items are transparent)
 * @param schemaPath the JSON pointer segments of this node in the stream's schema
 */
record FieldShape(int typeMask, boolean dateTime, Map<String, FieldShape> properties,
    boolean freeForm, Optional<FieldShape> additional, Optional<FieldShape> items,
    Optional<ValueTyping> typing, boolean pii, int id, String path, List<String> schemaPath) {

  enum Type { NULL, STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY }

  /**
   * Compiles a stream's schema.
   *
   * @param personal which paths hold personal data to mask (empty predicate: mask nothing)
   */
  static FieldShape compile(String stream, JsonNode schema, Predicate<FieldShape.Node> personal,
      AtomicInteger ids) {
    return compile(schema, stream, List.of(), personal, ids, false);
  }

  /** A field learned at run time, compiled where it sits in the stream's schema. */
  static FieldShape compileLearned(JsonNode declared, String path, List<String> schemaPath,
      Predicate<FieldShape.Node> personal, AtomicInteger ids) {
    return compile(declared, path, schemaPath, personal, ids, false);
  }

  /** A schema node as the personal-data rule sees it. */
  record Node(String path, JsonNode schema) {}

  private static FieldShape compile(JsonNode schema, String path, List<String> schemaPath,
      Predicate<Node> personal, AtomicInteger ids, boolean insidePersonal) {
    Set<Type> types = types(schema);
    boolean pii = insidePersonal || personal.test(new Node(path, schema));
    Map<String, FieldShape> props = new LinkedHashMap<>();
    JsonNode p = schema.get("properties");
    if (p != null) {
      p.fields().forEachRemaining(e -> props.put(e.getKey(), compile(e.getValue(),
          path + "." + e.getKey(), append(schemaPath, "properties", e.getKey()), personal, ids, pii)));
    }
    JsonNode items = schema.get("items");
    Optional<FieldShape> itemShape = items == null || !items.isObject() ? Optional.empty()
        : Optional.of(compile(items, path, append(schemaPath, "items"), personal, ids, pii));
    JsonNode extra = schema.get("additionalProperties");
    Optional<FieldShape> additional = extra == null || !extra.isObject() ? Optional.empty()
        : Optional.of(compile(extra, path + ".*", append(schemaPath, "additionalProperties"),
            personal, ids, pii));
    boolean freeForm = types.contains(Type.OBJECT) && (p == null || p.isEmpty())
        && additional.isEmpty();
    return new FieldShape(mask(types), "date-time".equals(schema.path("format").asText()),
        Map.copyOf(props), freeForm, additional, itemShape, ValueTyping.of(schema), pii,
        ids.getAndIncrement(), path, List.copyOf(schemaPath));
  }

  static Set<Type> types(JsonNode schema) {
    Set<Type> types = EnumSet.noneOf(Type.class);
    JsonNode type = schema.get("type");
    if (type == null) {
      types.addAll(EnumSet.allOf(Type.class));
    } else if (type.isArray()) {
      type.forEach(t -> types.add(Type.valueOf(t.asText().toUpperCase(Locale.ROOT))));
    } else {
      types.add(Type.valueOf(type.asText().toUpperCase(Locale.ROOT)));
    }
    return types;
  }

  private static List<String> append(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base.size() + more.length);
    out.addAll(base);
    out.addAll(List.of(more));
    return out;
  }

  /** The JSON types the schema allows, as a bit per {@link Type}: checked for every value. */
  private static int mask(Set<Type> types) {
    int m = 0;
    for (Type t : types) {
      m |= 1 << t.ordinal();
    }
    return m;
  }

  boolean allows(Type t) {
    return (typeMask & (1 << t.ordinal())) != 0;
  }

  Set<Type> types() {
    Set<Type> out = EnumSet.noneOf(Type.class);
    for (Type t : Type.values()) {
      if (allows(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Values below pass through as Lever sent them: nothing to convert, mask or learn. */
  boolean opaque() {
    return properties.isEmpty() && items.isEmpty() && additional.isEmpty() && !dateTime
        && typing.isEmpty() && !pii && !allows(Type.OBJECT) && !allows(Type.ARRAY);
  }
}
