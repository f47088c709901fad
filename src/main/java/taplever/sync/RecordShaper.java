package taplever.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import taplever.catalog.StreamSelection;
import taplever.singer.DateTimes;

/**
 * Makes a Lever object into the RECORD its SCHEMA promises: only selected top-level fields,
 * epoch-millisecond timestamps as RFC3339 UTC strings wherever the schema says date-time,
 * integers kept integers, Lever's documented string-for-number quirks tolerated, and the parent's
 * id added to child records. A value that fits none of its declared types becomes null with one
 * warning per field, so one odd value never makes a target reject the whole record.
 */
public final class RecordShaper {
  private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
  private final String stream;
  private final Map<String, FieldShape> fields;
  private final Optional<String> parentIdField;
  private final Consumer<String> warnings;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  public RecordShaper(StreamSelection selection, Consumer<String> warnings) {
    this.stream = selection.name();
    this.fields = FieldShape.compile(selection.schema()).properties();
    this.parentIdField = selection.spec().parent().map(p -> p.idField());
    this.warnings = warnings;
  }

  public ObjectNode shape(ObjectNode raw, Optional<String> parentId) {
    ObjectNode out = JSON.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      FieldShape shape = fields.get(e.getKey());
      if (shape != null) {
        out.set(e.getKey(), convert(e.getKey(), e.getValue(), shape));
      }
    }
    if (parentId.isPresent() && parentIdField.isPresent() && fields.containsKey(parentIdField.get())) {
      out.put(parentIdField.get(), parentId.get());
    }
    return out;
  }

  /** {@code path} is the top-level field: naming nested paths would cost a string per value. */
  private JsonNode convert(String path, JsonNode value, FieldShape shape) {
    if (value.isNull()) {
      return value;
    }
    if (shape.dateTime()) {
      return timestamp(path, value);
    }
    if (value.isObject()) {
      if (!shape.allows(FieldShape.Type.OBJECT)) {
        return mismatch(path, value, shape);
      }
      if (shape.properties().isEmpty()) {
        return value;
      }
      ObjectNode out = JSON.objectNode();
      value.fields().forEachRemaining(e -> {
        FieldShape sub = shape.properties().get(e.getKey());
        // Nested keys Lever adds later are kept: the schema does not forbid them.
        out.set(e.getKey(), sub == null ? e.getValue() : convert(path, e.getValue(), sub));
      });
      return out;
    }
    if (value.isArray()) {
      if (!shape.allows(FieldShape.Type.ARRAY)) {
        return mismatch(path, value, shape);
      }
      if (shape.items().isEmpty() || shape.items().get().isOpaque()) {
        return value;
      }
      ArrayNode out = JSON.arrayNode(value.size());
      FieldShape items = shape.items().get();
      for (JsonNode item : value) {
        out.add(convert(path, item, items));
      }
      return out;
    }
    return scalar(path, value, shape);
  }

  private JsonNode scalar(String path, JsonNode value, FieldShape shape) {
    if (value.isTextual()) {
      if (shape.allows(FieldShape.Type.STRING)) {
        return value;
      }
      String text = value.asText().strip();
      if (shape.allows(FieldShape.Type.INTEGER) && text.matches("-?[0-9]{1,18}")) {
        return JSON.numberNode(Long.parseLong(text));
      }
      if (shape.allows(FieldShape.Type.NUMBER) && text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
        return JSON.numberNode(new BigDecimal(text));
      }
      return mismatch(path, value, shape);
    }
    if (value.isIntegralNumber()) {
      if (shape.allows(FieldShape.Type.INTEGER) || shape.allows(FieldShape.Type.NUMBER)) {
        return value;
      }
      return shape.allows(FieldShape.Type.STRING) ? JSON.textNode(value.asText()) : mismatch(path, value, shape);
    }
    if (value.isNumber()) {
      if (shape.allows(FieldShape.Type.NUMBER)) {
        return value;
      }
      BigDecimal d = value.decimalValue();
      if (shape.allows(FieldShape.Type.INTEGER) && d.stripTrailingZeros().scale() <= 0) {
        // Targets reject 3.0 for an integer column.
        return JSON.numberNode(d.longValueExact());
      }
      return shape.allows(FieldShape.Type.STRING) ? JSON.textNode(d.toPlainString()) : mismatch(path, value, shape);
    }
    if (value.isBoolean()) {
      return shape.allows(FieldShape.Type.BOOLEAN) ? value
          : shape.allows(FieldShape.Type.STRING) ? JSON.textNode(value.asText()) : mismatch(path, value, shape);
    }
    return mismatch(path, value, shape);
  }

  private JsonNode timestamp(String path, JsonNode value) {
    if (value.isIntegralNumber()) {
      return JSON.textNode(DateTimes.fromEpochMillis(value.asLong()));
    }
    if (value.isNumber()) {
      return JSON.textNode(DateTimes.fromEpochMillis(value.decimalValue().longValue()));
    }
    if (value.isTextual()) {
      String text = value.asText().strip();
      if (text.matches("-?[0-9]{1,15}")) {
        return JSON.textNode(DateTimes.fromEpochMillis(Long.parseLong(text)));
      }
      if (text.isEmpty()) {
        return NullNode.instance;
      }
      try {
        return JSON.textNode(DateTimes.format(java.time.OffsetDateTime.parse(text).toInstant()));
      } catch (java.time.format.DateTimeParseException e) {
        return mismatch(path, value, null);
      }
    }
    return mismatch(path, value, null);
  }

  private JsonNode mismatch(String path, JsonNode value, FieldShape shape) {
    if (warned.add(path)) {
      warnings.accept("stream " + stream + ": field '" + path + "' (or a value inside it) had a "
          + value.getNodeType()
          .name().toLowerCase(java.util.Locale.ROOT) + " where the schema expects "
          + (shape == null ? "a timestamp" : shape.types()) + "; emitted null (warned once per field)");
    }
    return NullNode.instance;
  }

  /** Lever's value for the replication key, as epoch ms, if it has one. */
  public static Optional<Long> epochMillis(JsonNode raw, String field) {
    JsonNode v = raw.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isNumber()) {
      return Optional.of(v.asLong());
    }
    if (v.isTextual() && v.asText().strip().matches("-?[0-9]{1,15}")) {
      return Optional.of(Long.parseLong(v.asText().strip()));
    }
    return Optional.empty();
  }
}
