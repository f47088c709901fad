package taplever.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taplever.fake.FakeLeverClient.KEY;
import static taplever.fake.FakeLeverClient.get;
import static taplever.fake.FakeLeverClient.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code include} projections and {@code expand} precedence (§6.3). */
class IncludeProjectionTest {
  private static FakeLever lever;

  @BeforeAll
  static void start() throws IOException {
    lever = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(80).withRateLimit(false));
  }

  @AfterAll
  static void stop() {
    lever.close();
  }

  private static Map<String, ObjectNode> truth(String stream) {
    return lever.dataset().records(stream).stream()
        .collect(Collectors.toMap(n -> n.get("id").asText(), n -> n));
  }

  @Test
  void aPostingsPageOmitsFollowersAndContentByDefault() throws Exception {
    Map<String, ObjectNode> truth = truth("postings");
    for (JsonNode posting : walk(lever, "/postings", "confidentiality=all", null)) {
      ObjectNode full = truth.get(posting.get("id").asText()).deepCopy();
      assertTrue(full.has("followers") && full.has("content"));
      full.remove(List.of("followers", "content"));
      assertEquals(full, posting);
    }
  }

  @Test
  void includeMakesAProjectionOfExactlyTheIncludedFieldsPlusId() throws Exception {
    Map<String, ObjectNode> truth = truth("postings");
    List<JsonNode> pages =
        walk(lever, "/postings", "confidentiality=all&include=content&include=followers", null);
    assertEquals(truth.size(), pages.size());
    for (JsonNode posting : pages) {
      assertEquals(List.of("id", "content", "followers"), names(posting));
      ObjectNode full = truth.get(posting.get("id").asText());
      assertEquals(full.get("content"), posting.get("content"));
      assertEquals(full.get("followers"), posting.get("followers"));
    }
    JsonNode one = get(lever, "/v1/postings?limit=1&include=text", KEY).body().get("data").get(0);
    assertEquals(List.of("id", "text"), names(one));
  }

  @Test
  void expandTakesPrecedenceAndImpliesInclude() throws Exception {
    JsonNode expanded =
        get(lever, "/v1/postings?limit=5&include=text&expand=owner&expand=followers", KEY)
            .body()
            .get("data");
    Map<String, ObjectNode> truth = truth("postings");
    Map<String, ObjectNode> users = truth("users");
    for (JsonNode posting : expanded) {
      assertEquals(List.of("id", "text", "owner", "followers"), names(posting));
      ObjectNode full = truth.get(posting.get("id").asText());
      assertEquals(users.get(full.get("owner").asText()), posting.get("owner"));
      assertEquals(full.get("followers").size(), posting.get("followers").size());
      for (int i = 0; i < full.get("followers").size(); i++) {
        assertEquals(
            users.get(full.get("followers").get(i).asText()), posting.get("followers").get(i));
      }
    }
    JsonNode byDefault =
        get(lever, "/v1/postings?limit=1&expand=followers", KEY).body().get("data").get(0);
    assertTrue(byDefault.get("followers").get(0).isObject(), "expanded means included");
    assertFalse(byDefault.has("content"));
  }

  @Test
  void opportunitiesKeepEveryFieldByDefaultAndProjectOnInclude() throws Exception {
    JsonNode first = get(lever, "/v1/opportunities?limit=10", KEY).body().get("data");
    assertTrue(first.get(0).has("followers"), "the opportunity list example has followers");
    JsonNode projected =
        get(lever, "/v1/opportunities?limit=10&include=followers", KEY).body().get("data");
    for (int i = 0; i < first.size(); i++) {
      assertEquals(List.of("id", "followers"), names(projected.get(i)));
      assertEquals(first.get(i).get("followers"), projected.get(i).get("followers"));
    }
    JsonNode apps =
        get(lever, "/v1/opportunities?limit=10&include=id&expand=applications&expand=stage", KEY)
            .body()
            .get("data");
    for (JsonNode o : apps) {
      assertEquals(List.of("id", "stage", "applications"), names(o));
      assertTrue(o.get("stage").has("text"));
    }
  }

  @Test
  void formTemplatesProjectToIdTextAndGroup() throws Exception {
    JsonNode templates =
        get(lever, "/v1/form_templates?include=text&include=group", KEY).body().get("data");
    assertEquals(3, templates.size());
    for (JsonNode t : templates) {
      assertEquals(List.of("id", "text", "group"), names(t));
    }
    JsonNode full = get(lever, "/v1/form_templates", KEY).body().get("data").get(0);
    assertTrue(full.has("fields") && full.has("instructions"), "default unchanged");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
