package taplever.sync.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import taplever.streams.LeverMetadata;

/**
 * Definitions Lever keeps in another stream ({@code requisition_fields}: id, {@code type}, and
 * {@code subfields} for objects, §7.7), read once per run before the streams that need them, so
 * custom values are typed by Lever's own metadata. Immutable once built.
 */
public final class FieldDefinitions {
  public static final FieldDefinitions NONE = new FieldDefinitions(Map.of());

  /** One stream's definitions by id; subfields are keyed the same way. */
  public record Definitions(String idField, Map<String, JsonNode> byId) {
    public Definitions {
      byId = Map.copyOf(byId);
    }

    public static Definitions of(Iterable<? extends JsonNode> records, String idField) {
      Map<String, JsonNode> byId = new HashMap<>();
      for (JsonNode d : records) {
        if (d.path(idField).isTextual()) {
          byId.put(d.get(idField).asText(), d);
        }
      }
      return new Definitions(idField, byId);
    }
  }

  private final Map<String, Definitions> byStream;

  public FieldDefinitions(Map<String, Definitions> byStream) {
    this.byStream = Map.copyOf(byStream);
  }

  /** Converts the date values of {@code values} (keyed by field id) in place. */
  void convert(String stream, ObjectNode values) {
    Definitions defs = byStream.get(stream);
    if (defs != null) {
      convert(defs, values);
    }
  }

  private static void convert(Definitions defs, ObjectNode values) {
    values.fields().forEachRemaining(e -> {
      JsonNode definition = defs.byId().get(e.getKey());
      if (definition == null) {
        return;
      }
      String type = definition.path(LeverMetadata.FIELD_TYPE).asText();
      if (type.equals(LeverMetadata.DATE)) {
        ValueTyping.date(values, e.getKey());
      } else if (type.equals(LeverMetadata.OBJECT) && e.getValue() instanceof ObjectNode nested) {
        convert(Definitions.of(definition.path(LeverMetadata.SUBFIELDS), defs.idField()), nested);
      }
    });
  }
}
