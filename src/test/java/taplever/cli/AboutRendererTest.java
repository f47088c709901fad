package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --about} says what the loader accepts: here, the two shapes of {@code start_date}. */
class AboutRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SETTINGS = JsonSchemaFactory
      .getInstance(SpecVersion.VersionFlag.V7)
      .getSchema(AboutRenderer.json("test").get("settings"),
          SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

  @Test
  void startDateIsAnInstantOrADate() {
    JsonNode startDate = AboutRenderer.json("test").at("/settings/properties/start_date");
    assertEquals("[{\"format\":\"date-time\"},{\"format\":\"date\"}]",
        startDate.get("anyOf").toString());
    assertFalse(startDate.has("format"));
    assertTrue(startDate.get("description").asText()
        .contains("or a date (2024-01-15, midnight UTC)"), startDate::toString);
    assertEquals("uri", AboutRenderer.json("test").at("/settings/properties/base_url/format")
        .asText(), "a kind with one format keeps the plain keyword");
  }

  @Test
  void theMarkdownSaysItToo() {
    String markdown = AboutRenderer.markdown("test");
    assertTrue(markdown.contains("| `start_date` | string |  |  | RFC3339 instant"
        + " (2024-01-15T00:00:00Z) or a date (2024-01-15, midnight UTC), not in the future"),
        markdown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-01-15", "2024-01-15T00:00:00Z", "2024-01-15T10:30:00+02:00"})
  void theSchemaTakesWhatTheLoaderTakes(String value) throws Exception {
    assertEquals(0, SETTINGS.validate(config(value)).size(), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-1-5", "2024-01-15T10:00", "yesterday"})
  void theSchemaRefusesWhatTheLoaderRefuses(String value) throws Exception {
    assertFalse(SETTINGS.validate(config(value)).isEmpty(), value);
  }

  private static JsonNode config(String startDate) throws Exception {
    return JSON.readTree("{\"api_key\": \"k\", \"start_date\": \"" + startDate + "\"}");
  }
}
