package taplever.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values whose JSON type Lever's own metadata decides (form-field types, requisition fields). */
class TypedValuesTest {
  private static FakeDataset data;

  @BeforeAll
  static void generate() {
    data = FakeDataset.generate(42, 300, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  }

  private static List<JsonNode> fields(String stream) {
    List<JsonNode> fields = new ArrayList<>();
    data.records(stream).forEach(r -> r.path("fields").forEach(fields::add));
    return fields;
  }

  @Test
  void dateFieldsCarryEpochMillisAndFileUploadsCarryFileObjects() {
    int dates = 0;
    for (String stream : List.of("opportunity_feedback", "opportunity_forms")) {
      for (JsonNode field : fields(stream)) {
        if (field.get("type").asText().equals("date") && !field.get("value").isNull()) {
          assertTrue(field.get("value").isIntegralNumber(), field.toString());
          assertTrue(
              field.get("value").asLong() > Instant.parse("2018-01-01T00:00:00Z").toEpochMilli());
          dates++;
        }
      }
    }
    assertTrue(dates > 20, "dates: " + dates);
    List<JsonNode> uploads = new ArrayList<>();
    for (JsonNode field : fields("opportunity_forms")) {
      if (field.get("type").asText().equals("file-upload") && field.get("value").isObject()) {
        uploads.add(field.get("value"));
      }
    }
    for (ObjectNode app : data.records("opportunity_applications")) {
      for (JsonNode form : app.get("customQuestions")) {
        for (JsonNode field : form.get("fields")) {
          if (field.get("type").asText().equals("file-upload") && field.get("value").isObject()) {
            uploads.add(field.get("value"));
          }
        }
      }
    }
    assertTrue(uploads.size() > 10, "uploads: " + uploads.size());
    for (JsonNode upload : uploads) {
      assertEquals(List.of("id", "ext", "name", "size", "uploadedAt"), names(upload));
      assertTrue(upload.get("size").isIntegralNumber());
      assertTrue(upload.get("uploadedAt").isIntegralNumber());
    }
  }

  @Test
  void offerFieldsMixDatesNumbersAndStrings() {
    for (ObjectNode offer : data.records("opportunity_offers")) {
      Map<String, JsonNode> byIdentifier = new HashMap<>();
      offer
          .get("fields")
          .forEach(f -> byIdentifier.put(f.get("identifier").asText(), f.get("value")));
      assertTrue(byIdentifier.get("today_date").isIntegralNumber());
      assertTrue(byIdentifier.get("anticipated_start_date").isIntegralNumber());
      assertTrue(byIdentifier.get("salary_amount").isNumber());
      assertTrue(byIdentifier.get("job_title").isTextual());
    }
  }

  @Test
  void requisitionCustomFieldsFollowTheRequisitionFieldDefinitions() {
    Map<String, ObjectNode> definitions = new HashMap<>();
    data.records("requisition_fields").forEach(f -> definitions.put(f.get("id").asText(), f));
    Set<String> types = new TreeSet<>();
    definitions.values().forEach(f -> types.add(f.get("type").asText()));
    assertEquals(Set.of("date", "dropdown", "number", "object", "text"), types);
    ObjectNode object =
        definitions.values().stream()
            .filter(f -> f.get("type").asText().equals("object"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        iterable(object.get("subfields")).stream()
            .anyMatch(s -> s.get("type").asText().equals("date")));
    List<ObjectNode> requisitions = data.records("requisitions");
    for (ObjectNode req : requisitions) {
      req.get("customFields")
          .fields()
          .forEachRemaining(
              e -> {
                ObjectNode definition = definitions.get(e.getKey());
                assertTrue(definition != null, "defined: " + e.getKey());
                assertTyped(definition, e.getValue());
              });
    }
    assertTrue(requisitions.stream().anyMatch(r -> r.get("headcountHired").isTextual()));
    assertTrue(requisitions.stream().anyMatch(r -> r.get("headcountHired").isIntegralNumber()));
    assertTrue(
        requisitions.stream()
            .allMatch(
                r ->
                    r.get("headcountHired").isIntegralNumber()
                        || r.get("headcountHired").asText().equals("unlimited")));
  }

  private static void assertTyped(ObjectNode definition, JsonNode value) {
    switch (definition.get("type").asText()) {
      case "date", "number" -> assertTrue(value.isNumber(), definition + " = " + value);
      case "text" -> assertTrue(value.isTextual(), definition + " = " + value);
      case "dropdown" ->
          assertTrue(
              iterable(definition.get("options")).stream()
                  .anyMatch(o -> o.get("id").asText().equals(value.asText())),
              definition + " = " + value);
      case "object" -> {
        assertTrue(value.isObject());
        for (JsonNode sub : definition.get("subfields")) {
          assertTyped((ObjectNode) sub, value.get(sub.get("id").asText()));
        }
      }
      default -> throw new AssertionError(definition.toString());
    }
  }

  @Test
  void templatesPostingsAuditEventsAndPanelsHaveLeversQuirks() {
    List<JsonNode> groups =
        data.records("form_templates").stream().map(t -> t.get("group")).toList();
    assertTrue(groups.stream().anyMatch(JsonNode::isObject));
    assertTrue(groups.stream().anyMatch(g -> g.isTextual() && g.asText().isEmpty()));
    assertTrue(groups.stream().anyMatch(JsonNode::isNull));

    List<ObjectNode> postings = data.records("postings");
    long withQuestions =
        postings.stream().filter(p -> p.get("content").has("customQuestions")).count();
    assertTrue(withQuestions > 0 && withQuestions < postings.size(), "on some postings");
    postings.stream()
        .filter(p -> p.get("content").has("customQuestions"))
        .forEach(
            p ->
                p.get("content")
                    .get("customQuestions")
                    .forEach(
                        form -> {
                          assertEquals("form", form.get("type").asText());
                          assertTrue(form.get("fields").size() > 0);
                        }));

    List<ObjectNode> merged =
        data.records("audit_events").stream().filter(e -> e.get("meta").has("duplicate")).toList();
    assertTrue(!merged.isEmpty());
    for (ObjectNode event : merged) {
      assertEquals("user:merged", event.get("type").asText());
      assertTrue(event.get("meta").get("duplicate").get("id").isTextual());
    }

    Map<String, ObjectNode> interviews = new HashMap<>();
    data.records("opportunity_interviews")
        .forEach(
            i -> {
              assertTrue(i.get("duration").isIntegralNumber());
              ObjectNode copy = i.deepCopy();
              copy.remove("opportunityId");
              interviews.put(i.get("id").asText(), copy);
            });
    int inPanels = 0;
    for (ObjectNode panel : data.records("opportunity_panels")) {
      for (JsonNode interview : panel.get("interviews")) {
        assertEquals(
            interviews.get(interview.get("id").asText()), interview, "a full interview object");
        inPanels++;
      }
    }
    assertEquals(interviews.size(), inPanels);
    data.records("opportunity_files").forEach(f -> assertTrue(f.get("size").isIntegralNumber()));
    data.records("opportunity_resumes")
        .forEach(r -> assertTrue(r.get("file").get("size").isIntegralNumber()));
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> values = new ArrayList<>();
    array.forEach(values::add);
    return values;
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
