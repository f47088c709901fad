package taplever.sync.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import taplever.singer.DateTimes;
import taplever.singer.EpochMillis;
import taplever.streams.LeverMetadata;

/**
 * A value whose type Lever gives in metadata next to it rather than in the schema: a form answer
 * is a date when its field's {@code type} is {@code date}; an offer field is a date when Lever
 * documents its {@code identifier} as one; a requisition custom field is a date when its
 * definition in {@code requisition_fields} says so. Declared in a schema with
 * {@code "x-lever-value"}; such dates become RFC3339 like every other timestamp, and nothing is
 * ever guessed from the number itself.
 */
sealed interface ValueTyping {

  /** Converts, in place, the dates inside {@code value} (the annotated node). */
  void apply(JsonNode value, FieldDefinitions definitions);

  /** A form field, whose value is a date when its type says so (§7.20). */
  record FormField() implements ValueTyping {
    @Override
    public void apply(JsonNode field, FieldDefinitions definitions) {
      if (field instanceof ObjectNode o
          && LeverMetadata.DATE.equals(o.path(LeverMetadata.FIELD_TYPE).asText())) {
        date(o, LeverMetadata.VALUE);
      }
    }
  }

  /** An offer field, a date when Lever documents its identifier as one (§7.2.2). */
  record Identified(String key, Set<String> dates) implements ValueTyping {
    @Override
    public void apply(JsonNode field, FieldDefinitions definitions) {
      if (field instanceof ObjectNode o && dates.contains(o.path(key).asText())) {
        date(o, LeverMetadata.VALUE);
      }
    }
  }

  /** A map keyed by the ids of another stream's definitions ({@code customFields}, §7.6-7.7). */
  record Defined(String stream) implements ValueTyping {
    @Override
    public void apply(JsonNode values, FieldDefinitions definitions) {
      if (values instanceof ObjectNode o) {
        definitions.convert(stream, o);
      }
    }
  }

  /** Reads {@code "x-lever-value"}: {@code "form-field"}, or an object naming its kind. */
  static Optional<ValueTyping> of(JsonNode schema) {
    JsonNode spec = schema.get("x-lever-value");
    if (spec == null) {
      return Optional.empty();
    }
    String kind = spec.isTextual() ? spec.asText() : spec.path("kind").asText();
    return Optional.of(switch (kind) {
      case "form-field" -> new FormField();
      case "identified" -> {
        Set<String> dates = new HashSet<>();
        spec.path("dates").forEach(d -> dates.add(d.asText()));
        yield new Identified(spec.path("key").asText(LeverMetadata.IDENTIFIER), Set.copyOf(dates));
      }
      case "defined" -> new Defined(spec.path("definitions").asText());
      default -> throw new IllegalStateException("unknown x-lever-value kind '" + kind + "'");
    });
  }

  /** Epoch milliseconds (a number, or digits in a string) at {@code field} become RFC3339. */
  static void date(ObjectNode holder, String field) {
    JsonNode v = holder.get(field);
    if (v == null) {
      return;
    }
    Long millis = EpochMillis.read(v);
    if (millis != null) {
      holder.set(field, TextNode.valueOf(DateTimes.fromEpochMillis(millis)));
    }
  }
}
