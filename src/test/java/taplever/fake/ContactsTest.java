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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import taplever.fake.FakeLeverClient.Reply;

/** Contacts (§7.4): shared by several candidacies, expandable, and readable by id. */
class ContactsTest {
  private static FakeLever lever;

  @BeforeAll
  static void start() throws IOException {
    lever =
        FakeLever.start(FakeLeverOptions.defaults().withOpportunities(400).withRateLimit(false));
  }

  @AfterAll
  static void stop() {
    lever.close();
  }

  private static Map<String, List<ObjectNode>> opportunitiesByContact() {
    Map<String, List<ObjectNode>> byContact = new LinkedHashMap<>();
    for (ObjectNode o : lever.dataset().records("opportunities")) {
      byContact.computeIfAbsent(o.get("contact").asText(), k -> new ArrayList<>()).add(o);
    }
    return byContact;
  }

  @Test
  void aboutFifteenPercentOfContactsOwnTwoOrThreeOpportunitiesThatSharePersonalData() {
    Map<String, List<ObjectNode>> byContact = opportunitiesByContact();
    long shared = byContact.values().stream().filter(l -> l.size() > 1).count();
    double share = (double) shared / byContact.size();
    assertTrue(
        share > 0.08 && share < 0.25, "share of contacts with several candidacies: " + share);
    assertTrue(byContact.values().stream().allMatch(l -> l.size() <= 3));
    for (List<ObjectNode> candidacies : byContact.values()) {
      ObjectNode first = candidacies.get(0);
      for (ObjectNode other : candidacies) {
        assertEquals(first.get("name"), other.get("name"));
        assertEquals(first.get("emails"), other.get("emails"));
        assertEquals(first.get("phones"), other.get("phones"));
      }
    }
    assertTrue(
        byContact.values().stream()
            .anyMatch(l -> l.size() > 1 && !l.get(0).get("id").equals(l.get(1).get("id"))));
  }

  @Test
  void expandContactReplacesTheIdByTheContactObjectAndNothingElse() throws Exception {
    JsonNode plain = get(lever, "/v1/opportunities?limit=40", KEY).body().get("data");
    JsonNode expanded =
        get(lever, "/v1/opportunities?limit=40&expand=contact", KEY).body().get("data");
    for (int i = 0; i < plain.size(); i++) {
      JsonNode opportunity = plain.get(i);
      JsonNode contact = expanded.get(i).get("contact");
      assertTrue(contact.isObject(), contact.toString());
      assertEquals(
          List.of("id", "name", "headline", "location", "emails", "phones", "isAnonymized"),
          fieldNames(contact));
      assertEquals(opportunity.get("contact").asText(), contact.get("id").asText());
      assertEquals(opportunity.get("name"), contact.get("name"));
      assertEquals(opportunity.get("emails"), contact.get("emails"));
      assertEquals(opportunity.get("phones"), contact.get("phones"));
      assertTrue(contact.get("location").isNull() || contact.get("location").has("name"));
      assertEquals(
          opportunity.get("location").isNull() ? null : opportunity.get("location").asText(),
          contact.get("location").isNull() ? null : contact.get("location").get("name").asText(),
          "a string on the opportunity, an object on the contact");
      assertFalse(contact.get("isAnonymized").asBoolean());
      ObjectNode restored = expanded.get(i).deepCopy();
      restored.put("contact", contact.get("id").asText());
      assertEquals(opportunity, restored, "nothing else changes");
    }
  }

  @Test
  void expandContactCombinesWithExpandApplications() throws Exception {
    JsonNode both =
        get(lever, "/v1/opportunities?limit=30&expand=applications&expand=contact", KEY)
            .body()
            .get("data");
    JsonNode apps =
        get(lever, "/v1/opportunities?limit=30&expand=applications", KEY).body().get("data");
    int embedded = 0;
    for (int i = 0; i < both.size(); i++) {
      assertTrue(both.get(i).get("contact").isObject());
      assertEquals(apps.get(i).get("applications"), both.get(i).get("applications"));
      for (JsonNode application : both.get(i).get("applications")) {
        assertTrue(application.isObject());
        embedded++;
      }
    }
    assertTrue(embedded > 10);
  }

  @Test
  void getContactByIdAnswersTheContactAndAnUnknownIdIs404() throws Exception {
    ObjectNode opportunity = lever.dataset().records("opportunities").get(3);
    String contactId = opportunity.get("contact").asText();
    Reply reply = get(lever, "/v1/contacts/" + contactId, KEY);
    assertEquals(200, reply.status());
    JsonNode contact = reply.body().get("data");
    assertEquals(contactId, contact.get("id").asText());
    assertEquals(opportunity.get("name"), contact.get("name"));
    List<String> contactIds =
        lever.dataset().records("contacts").stream().map(c -> c.get("id").asText()).toList();
    assertTrue(contactIds.contains(contactId));

    for (String unknown :
        List.of(
            "00000000-0000-4000-8000-000000000000",
            contactId.substring(0, 35) + (contactId.endsWith("0") ? "1" : "0"),
            "not-a-uuid")) {
      Reply missing = get(lever, "/v1/contacts/" + unknown, KEY);
      assertEquals(404, missing.status(), unknown);
      assertEquals("ResourceNotFound", missing.body().get("code").asText());
    }
  }

  @Test
  void contactsOfDeletedOpportunitiesStayReadable() throws Exception {
    ObjectNode deleted = lever.dataset().records("deleted_opportunities").get(0);
    Reply reply = get(lever, "/v1/contacts/" + deleted.get("contact").asText(), KEY);
    assertEquals(200, reply.status());
    assertEquals(deleted.get("name"), reply.body().get("data").get("name"));
  }

  @Test
  void groundTruthContactsAreTheDistinctContactsOfAllOpportunities() throws Exception {
    List<ObjectNode> contacts = lever.dataset().records("contacts");
    Set<String> ids = Set.copyOf(contacts.stream().map(c -> c.get("id").asText()).toList());
    assertEquals(contacts.size(), ids.size(), "each contact once");
    assertEquals(opportunitiesByContact().keySet(), ids);
    List<JsonNode> expanded =
        walk(lever, "/opportunities", "confidentiality=all&expand=contact", null);
    Map<String, JsonNode> served = new LinkedHashMap<>();
    expanded.forEach(o -> served.put(o.get("contact").get("id").asText(), o.get("contact")));
    for (ObjectNode contact : contacts) {
      assertEquals(served.get(contact.get("id").asText()), contact);
    }
  }

  @Test
  void theEmailFilterFindsEveryCandidacyOfTheContactIgnoringCase() throws Exception {
    List<ObjectNode> shared =
        opportunitiesByContact().values().stream()
            .filter(l -> l.size() > 1 && l.get(0).get("emails").size() > 0)
            .findFirst()
            .orElseThrow();
    String email = shared.get(0).get("emails").get(0).asText();
    List<JsonNode> found =
        walk(
            lever,
            "/opportunities",
            "confidentiality=all&email="
                + FakeLeverClient.encode(email.toUpperCase(java.util.Locale.ROOT)),
            null);
    assertEquals(
        Set.copyOf(shared.stream().map(o -> o.get("id").asText()).toList()),
        Set.copyOf(found.stream().map(o -> o.get("id").asText()).toList()));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
