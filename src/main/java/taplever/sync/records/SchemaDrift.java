package taplever.sync.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import taplever.config.UnknownFields;
import taplever.error.ShownText;

/**
 * Fields Lever sends that a stream's schema does not declare ("we may decide to add additional
 * fields", reference §1): by default each is kept and declared, with its type inferred from the
 * value as far as the value shows (a timestamp-looking integer stays an integer: nothing is
 * guessed), and a value of another type later widens the declaration. Every change bumps
 * {@link #version()}, so the stream's SCHEMA is sent again before the first record that needs it.
 * With {@code unknown_fields: drop} they are left out. Either way each is announced once per run,
 * the first {@value #NAMED} of a stream by name.
 * Thread-safe: fan-out threads shape the same child stream.
 */
final class SchemaDrift {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** New fields named one by one per stream and run; the rest are counted in the summary. */
  private static final int NAMED = 20;

  private final String stream;
  private final boolean keep;
  private final Consumer<String> warnings;
  private final Predicate<FieldShape.Node> personal;
  private final ObjectNode schema;
  private final Map<Integer, Map<String, Learned>> learned = new HashMap<>();
  private final Set<String> announced = new LinkedHashSet<>();
  private final AtomicInteger ids;
  private int version;

  private record Learned(ObjectNode schema, FieldShape shape) {}

  /**
   * @param schema the stream's schema as selected; this object keeps its own copy
   * @param ids the stream's shape ids, shared with its compiled schema
   */
  SchemaDrift(String stream, ObjectNode schema, UnknownFields unknownFields,
      Consumer<String> warnings, Predicate<FieldShape.Node> personal, AtomicInteger ids) {
    this.stream = stream;
    this.keep = switch (unknownFields) {
      case KEEP -> true;
      case DROP -> false;
    };
    this.warnings = warnings;
    this.personal = personal;
    this.schema = schema.deepCopy();
    this.ids = ids;
  }

  /**
   * Lever sent {@code name} inside {@code parent} with {@code value} (not null). Returns the shape
   * to write it with, learning or widening its declaration as needed; empty when such fields are
   * dropped.
   */
  synchronized Optional<FieldShape> accept(FieldShape parent, String name, JsonNode value) {
    String path = parent.path() + "." + name;
    if (!keep) {
      announce(path);
      return Optional.empty();
    }
    Map<String, Learned> under = learned.computeIfAbsent(parent.id(), id -> new HashMap<>());
    Learned known = under.get(name);
    if (known != null && !widen(known.schema(), value)) {
      return Optional.of(known.shape());
    }
    ObjectNode declared = known != null ? known.schema() : declareAt(parent, name, value);
    List<String> at = new java.util.ArrayList<>(parent.schemaPath());
    at.add("properties");
    at.add(name);
    FieldShape shape = FieldShape.compileLearned(declared, path, at, personal, ids);
    under.put(name, new Learned(declared, shape));
    version++;
    announce(path);
    return Optional.of(shape);
  }

  /**
   * One warning for each of the first {@value #NAMED} new fields, Lever's name escaped and cut,
   * then one saying there are more: Lever's data can neither forge a log line nor flood the log.
   */
  private void announce(String path) {
    if (!announced.add(path) || announced.size() > NAMED + 1) {
      return;
    }
    if (announced.size() > NAMED) {
      warnings.accept("stream " + stream + ": Lever sent more than " + NAMED + " fields that"
          + " schemas/" + stream + ".json lacks; the others are " + (keep ? "kept" : "dropped")
          + " without a warning each (the end-of-run summary counts them)");
    } else if (keep) {
      warnings.accept(ShownText.of(path) + " first seen, kept; add it to schemas/" + stream
          + ".json");
    } else {
      warnings.accept(ShownText.of(path) + " first seen, dropped (unknown_fields is drop); add it"
          + " to schemas/" + stream + ".json to keep it");
    }
  }

  /** Fields announced this run, as {@code stream.path}. */
  synchronized Set<String> announced() {
    return Set.copyOf(announced);
  }

  synchronized int version() {
    return version;
  }

  /** The schema with every field learned so far. */
  synchronized ObjectNode schema() {
    return schema.deepCopy();
  }

  private ObjectNode declareAt(FieldShape parent, String name, JsonNode value) {
    ObjectNode node = schema;
    for (String segment : parent.schemaPath()) {
      node = (ObjectNode) node.get(segment);
    }
    JsonNode props = node.get("properties");
    ObjectNode properties = props instanceof ObjectNode o ? o : node.putObject("properties");
    ObjectNode declared = infer(value);
    properties.set(name, declared);
    return declared;
  }

  /** A schema for {@code value}: nullable, objects and arrays as far as the value shows. */
  static ObjectNode infer(JsonNode value) {
    ObjectNode s = JSON.objectNode();
    ArrayNode type = s.putArray("type").add("null");
    addType(type, value);
    if (value.isObject()) {
      if (value.isEmpty()) {
        s.put("additionalProperties", true);
      } else {
        ObjectNode props = s.putObject("properties");
        value.fields().forEachRemaining(e -> {
          if (!e.getValue().isNull()) {
            props.set(e.getKey(), infer(e.getValue()));
          }
        });
      }
    } else if (value.isArray()) {
      ObjectNode items = null;
      for (JsonNode element : value) {
        if (element.isNull()) {
          continue;
        }
        if (items == null) {
          items = infer(element);
        } else {
          widen(items, element);
        }
      }
      s.set("items", items != null ? items : anything());
    }
    return s;
  }

  /** Makes {@code declared} admit {@code value}; true when it had to change. */
  static boolean widen(ObjectNode declared, JsonNode value) {
    if (value.isNull()) {
      return false;
    }
    boolean changed = false;
    ArrayNode type = declared.get("type") instanceof ArrayNode a ? a : declared.putArray("type");
    if (!has(type, typeName(value))) {
      addType(type, value);
      changed = true;
    }
    if (value.isObject() && !declared.has("additionalProperties")) {
      ObjectNode props = declared.get("properties") instanceof ObjectNode o ? o
          : declared.putObject("properties");
      for (var it = value.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getValue().isNull()) {
          continue;
        }
        JsonNode known = props.get(e.getKey());
        if (known instanceof ObjectNode k) {
          changed |= widen(k, e.getValue());
        } else {
          props.set(e.getKey(), infer(e.getValue()));
          changed = true;
        }
      }
    } else if (value.isArray()) {
      ObjectNode items = declared.get("items") instanceof ObjectNode i ? i : null;
      for (JsonNode element : value) {
        if (items == null) {
          items = infer(element);
          declared.set("items", items);
          changed = true;
        } else {
          changed |= widen(items, element);
        }
      }
    }
    return changed;
  }

  private static ObjectNode anything() {
    ObjectNode s = JSON.objectNode();
    ArrayNode type = s.putArray("type");
    List.of("null", "boolean", "integer", "number", "string", "array", "object").forEach(type::add);
    return s;
  }

  private static void addType(ArrayNode type, JsonNode value) {
    String name = typeName(value);
    if (name.equals("number") && has(type, "integer")) {
      type.add("number");
    } else if (!has(type, name)) {
      type.add(name);
    }
  }

  private static boolean has(ArrayNode type, String name) {
    for (JsonNode t : type) {
      if (t.asText().equals(name) || (name.equals("integer") && t.asText().equals("number"))) {
        return true;
      }
    }
    return false;
  }

  private static String typeName(JsonNode value) {
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isObject()) {
      return "object";
    }
    if (value.isArray()) {
      return "array";
    }
    return value.isNull() ? "null" : "string";
  }
}
