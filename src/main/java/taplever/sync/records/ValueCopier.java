package taplever.sync.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import taplever.singer.Bookmark;
import taplever.singer.DateTimes;
import taplever.singer.EpochMillis;

/**
 * Copies one value from Lever's parser to the RECORD being written, as its schema promises, in one
 * streaming pass: epoch-millisecond timestamps become RFC3339 UTC wherever the schema says
 * date-time, integers stay integers, numbers keep the digits Lever sent, Lever's documented
 * string-for-number quirks are tolerated, values typed by Lever's metadata are converted, personal
 * data is masked as configured, and fields the schema does not declare go to {@link SchemaDrift}.
 * A value that fits none of its declared types becomes null with one warning per field, so one odd
 * value never makes a target reject the whole record. One per stream; thread-safe.
 */
public final class ValueCopier {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private final String stream;
  private final ObjectMapper json;
  private final SchemaDrift drift;
  private final FieldDefinitions definitions;
  private final PersonalData personal;
  private final ThreadLocal<PersonalData.Hasher> hashers;
  private final Consumer<String> warnings;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private static final long EARLIEST = Bookmark.EARLIEST.toEpochMilli();
  private static final long LATEST = Bookmark.LATEST.toEpochMilli();
  /** Where {@link DateTimes} writes a timestamp: one array per thread, no String per value. */
  private final ThreadLocal<char[]> timestamps = ThreadLocal.withInitial(() -> new char[24]);

  ValueCopier(String stream, ObjectMapper json, SchemaDrift drift, FieldDefinitions definitions,
      PersonalData personal, Consumer<String> warnings) {
    this.stream = stream;
    this.json = json;
    this.drift = drift;
    this.definitions = definitions;
    this.personal = personal;
    this.hashers = ThreadLocal.withInitial(personal::hasher);
    this.warnings = warnings;
  }

  ObjectMapper codec() {
    return json;
  }

  /** Writes {@code name: value} of an object, or leaves it out (dropped, deselected, learned null). */
  void field(JsonParser p, JsonGenerator g, FieldShape object, String name) throws IOException {
    FieldShape sub = object.properties().get(name);
    if (sub == null && object.additional().isPresent()) {
      sub = object.additional().get();
    }
    if (sub != null) {
      g.writeFieldName(name);
      copy(p, g, sub, true);
      return;
    }
    unknown(p, g, object, name);
  }

  /** A field the schema does not declare: learned and written, or dropped. */
  void unknown(JsonParser p, JsonGenerator g, FieldShape object, String name) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return; // a null says nothing about a type, and leaving it out loses nothing
    }
    JsonNode value = p.readValueAsTree();
    Optional<FieldShape> learned = drift.accept(object, name, value);
    if (learned.isPresent()) {
      g.writeFieldName(name);
      fromTree(value, g, learned.get(), true);
    }
  }

  /** Writes a value held as a tree (inline children, derived rows, typed values). */
  void fromTree(JsonNode value, JsonGenerator g, FieldShape shape, boolean applyTyping)
      throws IOException {
    try (JsonParser tp = value.traverse(json)) {
      tp.nextToken();
      copy(tp, g, shape, applyTyping);
    }
  }

  private void copy(JsonParser p, JsonGenerator g, FieldShape shape, boolean applyTyping)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      g.writeNull();
      return;
    }
    if (shape.pii() && personal.masks()) {
      hashers.get().copy(p, g);
      return;
    }
    if (applyTyping && shape.typing().isPresent()) {
      JsonNode tree = p.readValueAsTree();
      shape.typing().get().apply(tree, definitions);
      fromTree(tree, g, shape, false);
      return;
    }
    if (shape.dateTime()) {
      timestamp(p, g, shape);
      return;
    }
    switch (t) {
      case START_OBJECT -> object(p, g, shape);
      case START_ARRAY -> array(p, g, shape);
      default -> scalar(p, g, shape);
    }
  }

  private void object(JsonParser p, JsonGenerator g, FieldShape shape) throws IOException {
    if (!shape.allows(FieldShape.Type.OBJECT)) {
      mismatch(p, g, shape, "an object");
      return;
    }
    if (shape.freeForm()) {
      raw(p, g);
      return;
    }
    g.writeStartObject();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      field(p, g, shape, name);
    }
    g.writeEndObject();
  }

  private void array(JsonParser p, JsonGenerator g, FieldShape shape) throws IOException {
    if (!shape.allows(FieldShape.Type.ARRAY)) {
      mismatch(p, g, shape, "an array");
      return;
    }
    if (shape.items().isEmpty() || shape.items().get().opaque()) {
      raw(p, g);
      return;
    }
    FieldShape items = shape.items().get();
    g.writeStartArray();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      copy(p, g, items, true);
    }
    g.writeEndArray();
  }

  private void scalar(JsonParser p, JsonGenerator g, FieldShape shape) throws IOException {
    switch (p.currentToken()) {
      case VALUE_STRING -> {
        if (shape.allows(FieldShape.Type.STRING)) {
          g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          return;
        }
        String text = p.getText().strip();
        if (shape.allows(FieldShape.Type.INTEGER) && INTEGER.matcher(text).matches()) {
          g.writeNumber(Long.parseLong(text));
        } else if (shape.allows(FieldShape.Type.NUMBER) && DECIMAL.matcher(text).matches()) {
          g.writeNumber(new BigDecimal(text));
        } else {
          mismatch(p, g, shape, "a string");
        }
      }
      case VALUE_NUMBER_INT -> {
        if (shape.allows(FieldShape.Type.INTEGER) || shape.allows(FieldShape.Type.NUMBER)) {
          integer(p, g);
        } else if (shape.allows(FieldShape.Type.STRING)) {
          g.writeString(p.getText());
        } else {
          mismatch(p, g, shape, "an integer");
        }
      }
      case VALUE_NUMBER_FLOAT -> {
        if (shape.allows(FieldShape.Type.NUMBER)) {
          g.writeNumber(p.getText());
          return;
        }
        BigDecimal d = p.getDecimalValue();
        if (shape.allows(FieldShape.Type.INTEGER) && d.stripTrailingZeros().scale() <= 0) {
          g.writeNumber(d.toBigIntegerExact()); // targets reject 3.0 for an integer column
        } else if (shape.allows(FieldShape.Type.STRING)) {
          g.writeString(d.toPlainString());
        } else {
          mismatch(p, g, shape, "a number");
        }
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        if (shape.allows(FieldShape.Type.BOOLEAN)) {
          g.writeBoolean(p.getBooleanValue());
        } else if (shape.allows(FieldShape.Type.STRING)) {
          g.writeString(p.getText());
        } else {
          mismatch(p, g, shape, "a boolean");
        }
      }
      default -> mismatch(p, g, shape, p.currentToken().name().toLowerCase(Locale.ROOT));
    }
  }

  private void timestamp(JsonParser p, JsonGenerator g, FieldShape shape) throws IOException {
    JsonToken t = p.currentToken();
    Long millis = EpochMillis.read(p);
    if (millis != null && millis >= EARLIEST && millis <= LATEST) {
      millis(millis, g);
    } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
        || millis != null) {
      // Beyond RFC3339's years 0000-9999 no target can load it: null, with the warning.
      mismatch(p, g, shape, "a number beyond any instant");
    } else if (t == JsonToken.VALUE_STRING) {
      String text = p.getText().strip();
      if (text.isEmpty()) {
        g.writeNull();
      } else {
        try {
          g.writeString(DateTimes.format(OffsetDateTime.parse(text).toInstant()));
        } catch (DateTimeParseException e) {
          mismatch(p, g, shape, "a string");
        }
      }
    } else {
      mismatch(p, g, shape, t == JsonToken.START_OBJECT ? "an object"
          : t == JsonToken.START_ARRAY ? "an array" : "a boolean");
    }
  }

  private void millis(long value, JsonGenerator g) throws IOException {
    char[] chars = timestamps.get();
    int n = DateTimes.write(value, chars);
    if (n > 0) {
      g.writeString(chars, 0, n);
    } else {
      g.writeString(DateTimes.fromEpochMillis(value));
    }
  }

  private static void integer(JsonParser p, JsonGenerator g) throws IOException {
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      g.writeNumber(p.getBigIntegerValue());
    } else {
      g.writeNumber(p.getLongValue());
    }
  }

  /** Copies the value as Lever sent it, numbers digit for digit. */
  private static void raw(JsonParser p, JsonGenerator g) throws IOException {
    int depth = 0;
    do {
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT -> {
          g.writeStartObject();
          depth++;
        }
        case START_ARRAY -> {
          g.writeStartArray();
          depth++;
        }
        case END_OBJECT -> {
          g.writeEndObject();
          depth--;
        }
        case END_ARRAY -> {
          g.writeEndArray();
          depth--;
        }
        case FIELD_NAME -> g.writeFieldName(p.currentName());
        case VALUE_STRING -> g.writeString(p.getTextCharacters(), p.getTextOffset(),
            p.getTextLength());
        case VALUE_NUMBER_INT -> integer(p, g);
        case VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
        case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(p.getBooleanValue());
        case VALUE_NULL -> g.writeNull();
        default -> throw new IOException("unexpected " + t + " in a value");
      }
    } while (depth > 0 && p.nextToken() != null);
  }

  /**
   * {@code shape.path()} names the value; the warning names its top-level field, once per field:
   * naming every nested path would flood the log on a systematic quirk.
   */
  private void mismatch(JsonParser p, JsonGenerator g, FieldShape shape, String what)
      throws IOException {
    p.skipChildren();
    g.writeNull();
    String field = topLevel(shape.path());
    if (warned.add(field)) {
      warnings.accept("stream " + stream + ": field '" + field + "' (or a value inside it) had "
          + what + " where the schema expects " + (shape.dateTime() ? "a timestamp"
              : shape.types().toString()) + "; emitted null (warned once per field)");
    }
  }

  private String topLevel(String path) {
    String inStream = path.length() > stream.length() ? path.substring(stream.length() + 1) : path;
    int dot = inStream.indexOf('.');
    return dot < 0 ? inStream : inStream.substring(0, dot);
  }
}
