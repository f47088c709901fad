package taplever.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
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
      List<SchemaRules.SchemaNode> nodes = SchemaRules.nodes(spec.name(), schema);
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
              spec.parentIdField().ifPresent(f -> assertTrue(props.has(f), f))),
          DynamicTest.dynamicTest(spec.name() + " types every property, nullable, never a bare {}", () ->
              assertEquals(List.of(), SchemaRules.typed(nodes, keysAndParentId(spec)))),
          DynamicTest.dynamicTest(spec.name() + " declares no object with empty properties", () ->
              assertEquals(List.of(), SchemaRules.noEmptyProperties(spec.name(), schema))),
          DynamicTest.dynamicTest(spec.name() + " marks every millisecond timestamp as date-time", () ->
              assertEquals(List.of(), SchemaRules.timestamps(nodes))));
    });
  }

  @Test
  void opportunitiesHaveUpdatedAt() {
    assertTrue(schemas.schema("opportunities").at("/properties/updatedAt").isObject());
  }

  @Test
  void aFreeFormObjectIsOneJsonValueNotAnEmptyPropertyList() {
    JsonNode customFields = schemas.schema("requisitions").at("/properties/customFields");
    assertTrue(customFields.path("type").toString().contains("object"));
    assertTrue(customFields.has("additionalProperties"));
    assertFalse(customFields.has("properties"), customFields.toString());
  }

  @Test
  void theRulesCatchAnEmptyPropertyListAndAnUntypedProperty() throws IOException {
    JsonNode bad = JSON.readTree("{\"type\": \"object\", \"properties\": {"
        + "\"meta\": {\"type\": [\"null\", \"object\"], \"properties\": {}},"
        + "\"loose\": {}}}");
    List<SchemaRules.SchemaNode> nodes = SchemaRules.nodes("s", bad);
    assertEquals(List.of("s.meta: empty properties (a flattening target drops it)"),
        SchemaRules.noEmptyProperties("s", bad));
    assertEquals(List.of("s.loose: no type"), SchemaRules.typed(nodes, Set.of()));
  }

  @Test
  void onlyTopLevelKeysMayBeNonNullable() throws IOException {
    JsonNode schema = JSON.readTree("{\"type\": \"object\", \"properties\": {"
        + "\"opportunityId\": {\"type\": \"string\"},"
        + "\"tag\": {\"type\": \"string\"},"
        + "\"nested\": {\"type\": [\"null\", \"object\"], \"properties\": {\"opportunityId\": {\"type\": \"string\"}}}}}");
    assertEquals(List.of("s.tag: not nullable: \"string\"",
            "s.nested.opportunityId: not nullable: \"string\""),
        SchemaRules.typed(SchemaRules.nodes("s", schema), Set.of("opportunityId")));
  }

  private static Set<String> keysAndParentId(StreamSpec spec) {
    Set<String> keys = new HashSet<>(spec.keyProperties());
    spec.parentIdField().ifPresent(keys::add);
    return keys;
  }
}
