package taplever.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import taplever.testing.SingerOutputValidator;

/** The standard per-stream checks, generated from the registry. */
class SchemaFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SchemaRepository schemas = new SchemaRepository(JSON);

  @Test
  void theRegistryAndTheSchemaFilesMatchOneToOne() throws IOException, URISyntaxException {
    Path dir = Path.of(SchemaFilesTest.class.getResource("/schemas").toURI());
    Set<String> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.map(p -> p.getFileName().toString().replace(".json", "")).collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(new TreeSet<>(LeverStreams.BY_NAME.keySet()), files);
  }

  @TestFactory
  Stream<DynamicTest> everyStreamHasAWellFormedSchema() {
    return LeverStreams.ALL.stream().flatMap(spec -> {
      JsonNode schema = schemas.schema(spec.name());
      JsonNode props = schema.get("properties");
      return Stream.of(
          DynamicTest.dynamicTest(spec.name() + " is an object schema a validator accepts", () -> {
            assertEquals("object", schema.get("type").asText());
            SingerOutputValidator.compile(schema);
          }),
          DynamicTest.dynamicTest(spec.name() + " declares its key properties", () ->
              spec.keyProperties().forEach(k -> assertTrue(props.has(k), k))),
          DynamicTest.dynamicTest(spec.name() + " declares its replication key as a date-time", () ->
              spec.cursor().ifPresent(c -> assertEquals("date-time", props.at("/" + c.key() + "/format").asText()))),
          DynamicTest.dynamicTest(spec.name() + " declares its parent's id", () ->
              spec.parent().ifPresent(p -> assertTrue(props.has(p.idField()), p.idField()))),
          DynamicTest.dynamicTest(spec.name() + " types every property, nullable, never a bare {}", () -> {
            List<String> problems = new ArrayList<>();
            walk(spec.name(), schema, problems, true);
            if (!problems.isEmpty()) {
              fail(String.join("\n", problems));
            }
          }),
          DynamicTest.dynamicTest(spec.name() + " marks every millisecond timestamp as date-time", () -> {
            List<String> problems = new ArrayList<>();
            timestamps(spec.name(), schema, problems);
            assertEquals(List.of(), problems);
          }));
    });
  }

  @Test
  void opportunitiesHaveUpdatedAt() {
    assertTrue(schemas.schema("opportunities").at("/properties/updatedAt").isObject());
  }

  private static void walk(String path, JsonNode schema, List<String> problems, boolean root) {
    JsonNode type = schema.get("type");
    if (type == null) {
      problems.add(path + ": no type");
      return;
    }
    if (!root && !(type.isArray() && type.toString().contains("\"null\""))) {
      problems.add(path + ": not nullable: " + type);
    }
    // A value Lever documents as polymorphic lists every JSON type explicitly instead of {}.
    if (type.toString().contains("\"object\"") && !schema.has("properties") && !anyType(type)) {
      problems.add(path + ": object without properties");
    }
    if (type.toString().contains("\"array\"") && !schema.has("items") && !anyType(type)) {
      problems.add(path + ": array without items");
    }
    if (schema.has("properties")) {
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) schema.get("properties")::fields) {
        walk(path + "." + e.getKey(), e.getValue(), problems, false);
      }
    }
    if (schema.has("items")) {
      walk(path + "[]", schema.get("items"), problems, false);
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      walk(path + ".*", additional, problems, false);
    }
  }

  private static boolean anyType(JsonNode type) {
    return type.size() >= 6;
  }

  private static void timestamps(String path, JsonNode schema, List<String> problems) {
    JsonNode props = schema.get("properties");
    if (props != null) {
      props.fields().forEachRemaining(e -> {
        String name = e.getKey();
        JsonNode sub = e.getValue();
        boolean scalar = !sub.path("type").toString().contains("object");
        if (scalar && (name.endsWith("At") || name.equals("snoozedUntil"))
            && !"date-time".equals(sub.path("format").asText())) {
          problems.add(path + "." + name);
        }
        timestamps(path + "." + name, sub, problems);
      });
    }
    if (schema.has("items")) {
      timestamps(path + "[]", schema.get("items"), problems);
    }
    assertFalse(problems.size() > 100);
  }
}
