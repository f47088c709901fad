package taplever.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Personal data is recognisable in any output and listed in full by {@link PlantedPii}. */
class PlantedPiiTest {
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[^\\s\"@,;:]+");
  private static final Pattern PHONE = Pattern.compile("\\+1 415 555 \\d{4}");
  private static FakeDataset data;
  private static String everything;
  private static PlantedPii pii;

  @BeforeAll
  static void generate() throws Exception {
    data = FakeDataset.generate(42, 200, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    data.writeGroundTruth(out);
    everything = out.toString(StandardCharsets.UTF_8);
    pii = data.personalData();
  }

  @Test
  void everyEmailAddressAnywhereIsUnderTheFakeDomainAndListed() {
    Matcher m = EMAIL.matcher(everything);
    Set<String> found = new TreeSet<>();
    while (m.find()) {
      found.add(m.group());
    }
    assertTrue(found.size() > 100, "e-mails found: " + found.size());
    for (String email : found) {
      assertTrue(email.endsWith("." + PlantedPii.DOMAIN), email);
    }
    assertEquals(pii.emails(), found, "listed = present");
  }

  @Test
  void everyPhoneNumberAndLinkIsListedAndEveryListedValueOccurs() {
    Matcher m = PHONE.matcher(everything);
    Set<String> phones = new TreeSet<>();
    while (m.find()) {
      phones.add(m.group());
    }
    assertEquals(pii.phones(), phones);
    for (String link : pii.links()) {
      assertTrue(
          link.matches("https://[a-z]+\\." + Pattern.quote(PlantedPii.DOMAIN) + "/.+"), link);
      assertTrue(everything.contains("\"" + link + "\""), link);
    }
    Matcher links =
        Pattern.compile("https://[a-z.]+" + Pattern.quote(PlantedPii.DOMAIN) + "/[^\"]+")
            .matcher(everything);
    while (links.find()) {
      assertTrue(pii.links().contains(links.group()), links.group());
    }
    assertTrue(pii.links().size() > 20);
  }

  @Test
  void namesOfPeopleAreListedWhereverTheyAppear() throws Exception {
    for (String stream :
        new String[] {"opportunities", "users", "contacts", "deleted_opportunities"}) {
      for (JsonNode record : data.records(stream)) {
        assertTrue(
            pii.names().contains(record.get("name").asText()), stream + ": " + record.get("name"));
      }
    }
    for (JsonNode app : data.records("opportunity_applications")) {
      assertTrue(pii.names().contains(app.get("name").asText()));
      assertTrue(app.get("email").isNull() || pii.emails().contains(app.get("email").asText()));
    }
    for (JsonNode interview : data.records("opportunity_interviews")) {
      for (JsonNode who : interview.get("interviewers")) {
        assertTrue(pii.names().contains(who.get("name").asText()));
        assertTrue(pii.emails().contains(who.get("email").asText()));
      }
    }
    long notesWithPii =
        data.records("opportunity_notes").stream()
            .flatMap(
                n -> java.util.stream.StreamSupport.stream(n.get("fields").spliterator(), false))
            .filter(
                f ->
                    f.get("value").asText().contains(PlantedPii.DOMAIN)
                        || f.get("value").asText().contains(PlantedPii.PHONE_PREFIX))
            .count();
    assertTrue(notesWithPii > 0, "some notes quote contact details");
  }
}
