package taplever.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The x-pii marks the hashing feature reads: well-formed everywhere, present where people are. */
class PersonalDataMarksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SchemaRepository schemas = new SchemaRepository(JSON);

  @TestFactory
  Stream<DynamicTest> everyMarkIsTrueOnAStringArrayOrObjectAndNeverOnAnId() {
    return LeverStreams.ALL.stream().map(spec -> DynamicTest.dynamicTest(
        spec.name() + " marks personal data well-formed", () -> assertEquals(List.of(),
            SchemaRules.personalMarks(SchemaRules.nodes(spec.name(), schemas.schema(spec.name()))))));
  }

  @Test
  void contactDetailsOfCandidatesAreMarkedOnTheValuesThemselves() {
    List<String> marked = marked("opportunities");
    assertTrue(marked.containsAll(List.of("opportunities.name", "opportunities.emails[]",
        "opportunities.phones[].value", "opportunities.links[]", "opportunities.location")), marked.toString());
    assertTrue(!marked.contains("opportunities.phones[].type") && !marked.contains("opportunities.emails"),
        marked.toString());
  }

  @Test
  void employeesAreMarkedToo() {
    assertEquals(List.of("users.name", "users.username", "users.email", "users.photo"), marked("users"));
  }

  @Test
  void freeTextAnswersAreMarkedButTemplatesAreNot() {
    assertTrue(marked("opportunity_feedback").contains("opportunity_feedback.fields[].value"));
    assertTrue(marked("opportunity_notes").contains("opportunity_notes.fields[].value"));
    assertEquals(List.of(), marked("feedback_templates"));
    assertEquals(List.of(), marked("postings"));
  }

  @Test
  void theRulesRejectAFalseMarkAMarkedNumberANestedMarkAndAMarkedId() throws IOException {
    JsonNode bad = JSON.readTree("{\"type\": \"object\", \"properties\": {"
        + "\"a\": {\"type\": [\"null\", \"string\"], \"x-pii\": false},"
        + "\"b\": {\"type\": [\"null\", \"integer\"], \"x-pii\": true},"
        + "\"c\": {\"type\": [\"null\", \"object\"], \"x-pii\": true,"
        + " \"properties\": {\"d\": {\"type\": [\"null\", \"string\"], \"x-pii\": true}}},"
        + "\"contactId\": {\"type\": [\"null\", \"string\"], \"x-pii\": true}}}");
    assertEquals(List.of("s.a: x-pii must be true, was false",
            "s.b: x-pii on a [null, integer] value",
            "s.c.d: x-pii inside a marked value",
            "s.contactId: an id marked personal"),
        SchemaRules.personalMarks(SchemaRules.nodes("s", bad)));
  }

  private List<String> marked(String stream) {
    return SchemaRules.markedPaths(SchemaRules.nodes(stream, schemas.schema(stream)));
  }
}
