package taplever.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.fake.FakeDataset;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.fake.PlantedPii;
import taplever.streams.LeverStreams;
import taplever.testing.Catalogs;
import taplever.testing.SingerOutputValidator;
import taplever.testing.TapRun;
import taplever.testing.TempFiles;

/**
 * Full syncs of every stream against the fake Lever with {@code pii} hash, drop and keep: the
 * fake's personal data is recognisable (its own domain, its own phone prefix), so the raw output
 * can be searched for it.
 */
class PersonalDataEndToEndIT {
  private static final String[] ALL = LeverStreams.BY_NAME.keySet().toArray(String[]::new);
  private static final String SALT_ENV = "TAP_LEVER_TEST_PII_SALT";
  private static final String SALT = "a salt only this test knows";

  @TempDir
  static Path dir;
  private static FakeLever fake;
  private static PlantedPii people;
  private static TapRun hashed;
  private static TapRun dropped;
  private static TapRun kept;

  @BeforeAll
  static void syncThreeWays() throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(60).withRateLimit(false));
    people = fake.dataset().personalData();
    Path catalog = new TempFiles(dir).write("catalog.json", Catalogs.selecting(ALL));
    hashed = sync("hash", "{\"mode\": \"hash\", \"salt_env\": \"" + SALT_ENV + "\"}", catalog);
    dropped = sync("drop", "{\"mode\": \"drop\"}", catalog);
    kept = sync("keep", null, catalog);
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  private static TapRun sync(String name, String pii, Path catalog) {
    Path config = new TempFiles(dir).write(name + ".json", "{\"base_url\": \"" + fake.baseUrl()
        + "\", \"api_key\": \"fake-api-key\", \"start_date\": \"2000-01-01T00:00:00Z\","
        + " \"requests_per_second\": 500, \"burst\": 50, \"max_retry_seconds\": 30,"
        + " \"read_timeout_seconds\": 5"
        + (pii == null ? "" : ", \"pii\": " + pii) + "}");
    return TapRun.Setup.defaults().environment(Map.of(SALT_ENV, SALT))
        .run("--config", config.toString(), "--catalog", catalog.toString());
  }

  private static String hmac(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SALT.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** Every personal value of the fake, and where in {@code text} each one appears. */
  private static List<String> leaks(String text) {
    List<String> found = new ArrayList<>();
    for (Set<String> kind : List.of(people.names(), people.emails(), people.phones(),
        people.links())) {
      for (String value : kind) {
        if (text.contains(value)) {
          found.add(value + " in " + context(text, value));
        }
      }
    }
    return found;
  }

  /** The stream and field a leaked value sits in, found from its RECORD line. */
  private static String context(String text, String value) {
    for (String line : text.split("\n")) {
      int at = line.indexOf(value);
      if (at >= 0) {
        int stream = line.indexOf("\"stream\":");
        String name = stream < 0 ? "?" : line.substring(stream + 10, line.indexOf('"', stream + 10));
        int key = line.lastIndexOf("\":", at);
        int keyStart = key < 0 ? -1 : line.lastIndexOf('"', key - 1);
        return name + " near " + (keyStart < 0 ? "?" : line.substring(keyStart, key + 1));
      }
    }
    return "?";
  }

  private static Map<String, JsonNode> byId(List<JsonNode> records) {
    return records.stream().collect(Collectors.toMap(r -> r.get("id").asText(),
        Function.identity(), (a, b) -> a));
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  @Test
  void aHashingSyncOfEveryStreamCompletesAndValidatesAgainstItsOwnSchemas() {
    assertEquals(0, hashed.exitCode(), hashed::toString);
    assertEquals(List.of(), SingerOutputValidator.violations(hashed.messages()));
    for (String stream : ALL) {
      assertEquals(GroundTruth.byKey(stream, GroundTruth.expected(fake.dataset(), stream)).keySet(),
          GroundTruth.byKey(stream, hashed.records(stream)).keySet(), stream);
    }
  }

  @Test
  void noNameEmailPhoneOrLinkOfTheFakeAppearsInTheHashedOutput() {
    assertEquals(List.of(), leaks(hashed.stdout()));
    assertEquals(List.of(), leaks(hashed.stderr()));
    assertFalse(hashed.stdout().contains(PlantedPii.DOMAIN), () -> "the fake's e-mail and link"
        + " domain: " + context(hashed.stdout(), PlantedPii.DOMAIN));
    assertFalse(hashed.stdout().contains(PlantedPii.PHONE_PREFIX.strip()),
        () -> context(hashed.stdout(), PlantedPii.PHONE_PREFIX.strip()));
    assertFalse(hashed.stdout().contains(SALT));
    assertFalse(hashed.stderr().contains(SALT));
  }

  @Test
  void hashedValuesAreTheHmacOfLeversValueKeyedByTheSalt() {
    FakeDataset truth = fake.dataset();
    Map<String, JsonNode> opportunities = byId(hashed.records("opportunities"));
    int compared = 0;
    for (JsonNode raw : truth.records("opportunities").subList(0, 10)) {
      JsonNode out = opportunities.get(raw.get("id").asText());
      assertEquals(hmac(raw.get("name").asText()), out.get("name").asText());
      Set<String> want = new TreeSet<>();
      raw.get("emails").forEach(e -> want.add(hmac(e.asText())));
      assertEquals(want, texts(out.get("emails")));
      if (raw.path("phones").size() > 0) {
        assertEquals(hmac(raw.at("/phones/0/value").asText()), out.at("/phones/0/value").asText());
        compared++;
      }
      assertEquals(raw.get("id").asText(), out.get("id").asText(), "ids stay in clear");
    }
    assertTrue(compared > 0, "some opportunities have phones");
    Map<String, JsonNode> users = byId(hashed.records("users"));
    for (JsonNode raw : truth.records("users")) {
      assertEquals(hmac(raw.get("email").asText()), users.get(raw.get("id").asText())
          .get("email").asText());
    }
  }

  @Test
  void joinsOnHashedValuesStillMatchAcrossStreams() {
    Map<String, JsonNode> contacts = byId(hashed.records("contacts"));
    Map<String, JsonNode> opportunities = byId(hashed.records("opportunities"));
    int joined = 0;
    for (JsonNode o : opportunities.values()) {
      JsonNode contact = contacts.get(o.get("contact").asText());
      assertEquals(contact.get("name").asText(), o.get("name").asText(), o.get("id").asText());
      assertEquals(texts(contact.get("emails")), texts(o.get("emails")), o.get("id").asText());
      joined++;
    }
    assertTrue(joined >= 60, "every opportunity found its contact");
    Map<String, Set<String>> emailsOfOpportunity = new HashMap<>();
    opportunities.forEach((id, o) -> emailsOfOpportunity.put(id, texts(o.get("emails"))));
    int applications = 0;
    for (JsonNode a : hashed.records("opportunity_applications")) {
      if (!a.path("email").isNull() && a.has("email")) {
        assertTrue(emailsOfOpportunity.get(a.get("opportunityId").asText())
            .contains(a.get("email").asText()), a::toString);
        applications++;
      }
    }
    assertTrue(applications > 10, "applications carry the candidate's e-mail");
    Map<String, String> userEmails = new HashMap<>();
    hashed.records("users").forEach(u -> userEmails.put(u.get("id").asText(),
        u.get("email").asText()));
    int interviewers = 0;
    for (JsonNode i : hashed.records("opportunity_interviews")) {
      for (JsonNode person : i.path("interviewers")) {
        if (userEmails.containsKey(person.path("id").asText())) {
          assertEquals(userEmails.get(person.get("id").asText()), person.get("email").asText());
          interviewers++;
        }
      }
    }
    assertTrue(interviewers > 0, "interviewers are users, hashed alike");
  }

  @Test
  void theSchemaOfAHashedFieldDeclaresAStringAndSaysItIsHashed() {
    JsonNode schema = hashed.messages().stream()
        .filter(m -> m.path("type").asText().equals("SCHEMA")
            && m.path("stream").asText().equals("opportunities"))
        .findFirst().orElseThrow().get("schema");
    JsonNode name = schema.at("/properties/name");
    assertTrue(texts(name.get("type")).contains("string"), name::toString);
    assertTrue(name.path("description").asText().contains("HMAC-SHA256"), name::toString);
    JsonNode email = schema.at("/properties/emails/items");
    assertTrue(texts(email.get("type")).contains("string"), email::toString);
    assertTrue(email.path("description").asText().contains("HMAC-SHA256"), email::toString);
    JsonNode id = schema.at("/properties/id");
    assertFalse(id.has("description") && id.get("description").asText().contains("HMAC"),
        "ids are not hashed: " + id);
    JsonNode eeo = hashed.messages().stream()
        .filter(m -> m.path("type").asText().equals("SCHEMA")
            && m.path("stream").asText().equals("eeo_responses"))
        .findFirst().orElseThrow().get("schema").at("/properties/disabilitySignatureDate");
    assertEquals(Set.of("null", "string"), texts(eeo.get("type")), eeo::toString);
    assertFalse(eeo.has("format"), eeo::toString);
  }

  @Test
  void dropEmitsNullForTheMarkedFields() {
    assertEquals(0, dropped.exitCode(), dropped::toString);
    assertEquals(List.of(), SingerOutputValidator.violations(dropped.messages()));
    assertEquals(List.of(), leaks(dropped.stdout()));
    assertFalse(dropped.stdout().contains(PlantedPii.DOMAIN),
        () -> context(dropped.stdout(), PlantedPii.DOMAIN));
    for (JsonNode o : dropped.records("opportunities")) {
      assertTrue(o.get("name").isNull(), o::toString);
      o.path("emails").forEach(e -> assertTrue(e.isNull(), o::toString));
      assertFalse(o.get("id").isNull());
    }
    for (JsonNode u : dropped.records("users")) {
      assertTrue(u.get("email").isNull(), u::toString);
    }
  }

  @Test
  void keepingByDefaultChangesNothing() {
    assertEquals(0, kept.exitCode(), kept::toString);
    FakeDataset truth = fake.dataset();
    for (String stream : ALL) {
      GroundTruth.assertDelivered(truth, stream, kept.records(stream));
    }
    // The search the other tests rely on finds every kind of personal value when it is there.
    for (Set<String> kind : List.of(people.names(), people.emails(), people.phones(),
        people.links())) {
      Set<String> seen = new LinkedHashSet<>(kind);
      seen.removeIf(v -> !kept.stdout().contains(v));
      assertFalse(seen.isEmpty(), "in clear without pii: " + kind.iterator().next());
    }
    assertTrue(kept.stdout().contains(PlantedPii.DOMAIN));
  }
}
