package taplever.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Singer message rules real targets enforce, checked over a whole run's stdout: known
 * upper-case types, SCHEMA (with key_properties) before a stream's first RECORD, key properties
 * present and non-null, every RECORD valid against its SCHEMA with format checks, integers never
 * written as 3.0, and a STATE as the last line. Returns the violations, empty when valid.
 */
public final class SingerOutputValidator {
  /** Draft 7, knowing the tap's own annotations, which targets ignore as unknown keywords. */
  private static final JsonMetaSchema META = JsonMetaSchema.builder(JsonMetaSchema.getV7())
      .keyword(new NonValidationKeyword("x-pii"))
      .keyword(new NonValidationKeyword("x-lever-value"))
      .build();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.builder(
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
      .metaSchema(META).defaultMetaSchemaIri(META.getIri()).build();
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private SingerOutputValidator() {}

  public static JsonSchema compile(JsonNode schema) {
    return FACTORY.getSchema(schema, CONFIG);
  }

  public static List<String> violations(List<JsonNode> messages) {
    List<String> problems = new ArrayList<>();
    Map<String, JsonSchema> schemas = new HashMap<>();
    Map<String, List<String>> keys = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      String type = m.path("type").asText();
      String stream = m.path("stream").asText();
      switch (type) {
        case "SCHEMA" -> {
          if (!m.path("key_properties").isArray()) {
            problems.add("line " + i + ": SCHEMA of " + stream + " without key_properties");
          }
          List<String> k = new ArrayList<>();
          m.path("key_properties").forEach(n -> k.add(n.asText()));
          keys.put(stream, k);
          schemas.put(stream, compile(m.get("schema")));
        }
        case "RECORD" -> {
          JsonSchema schema = schemas.get(stream);
          if (schema == null) {
            problems.add("line " + i + ": RECORD of " + stream + " before its SCHEMA");
            continue;
          }
          JsonNode record = m.get("record");
          for (String key : keys.get(stream)) {
            if (!record.hasNonNull(key)) {
              problems.add("line " + i + ": RECORD of " + stream + " without key " + key);
            }
          }
          Set<ValidationMessage> errors = schema.validate(record);
          for (ValidationMessage e : errors) {
            if (reported.add(stream + e.getMessage()) && problems.size() < 50) {
              problems.add("line " + i + ": " + stream + ": " + e.getMessage());
            }
          }
          if (m.path("time_extracted").isMissingNode()) {
            problems.add("line " + i + ": RECORD of " + stream + " without time_extracted");
          }
        }
        case "STATE" -> {
          if (!m.path("value").isObject()) {
            problems.add("line " + i + ": STATE without an object value");
          }
        }
        default -> problems.add("line " + i + ": unknown message type '" + type + "'");
      }
    }
    if (!messages.isEmpty() && !"STATE".equals(messages.get(messages.size() - 1).path("type").asText())) {
      problems.add("the last line is not a STATE");
    }
    return problems;
  }
}
