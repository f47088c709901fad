package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import taplever.testing.LeverScript;
import taplever.testing.ScriptedLeverServer;
import taplever.testing.TapFixture;
import taplever.testing.TapRun;

class FanOutTest {
  @RegisterExtension
  final ScriptedLeverServer fixture = new ScriptedLeverServer();
  private final LeverScript lever = fixture.script();
  private final TapFixture tap = fixture.tap();

  @BeforeEach
  void script() {
    // Three pages of two opportunities; each has one application inline and two offers.
    List<String> pages = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      int base = p * 2;
      pages.add("[" + IntStream.range(base, base + 2).mapToObj(i -> "{\"id\": \"o" + i + "\","
          + " \"updatedAt\": 1700000000000, \"applications\": [{\"id\": \"a" + i + "\", \"type\": \"posting\","
          + " \"createdAt\": 1700000000000}]}").collect(Collectors.joining(", ")) + "]");
    }
    lever.pages("/v1/opportunities", pages);
    for (int i = 0; i < 6; i++) {
      String id = "o" + i;
      lever.on("/v1/opportunities/" + id + "/offers", r -> LeverScript.json(200,
          "{\"data\": [{\"id\": \"" + id + "-f1\", \"status\": \"sent\"}, {\"id\": \"" + id + "-f2\","
              + " \"fields\": [{\"identifier\": \"salary_amount\", \"value\": 1319000}]}], \"hasNext\": false}"));
    }
    lever.on("/v1/opportunities/o3/offers", r -> LeverScript.json(404,
        "{\"code\": \"ResourceNotFound\", \"message\": \"deleted mid-sync\"}"));
  }


  @Test
  void everyChildRecordArrivesOnceWithItsParentsId() {
    TapRun run = TapRun.of("--config", tap.config("\"max_concurrency\": 4").toString(), "--catalog",
        tap.catalog("opportunities", "opportunity_offers", "opportunity_applications").toString());

    assertEquals(0, run.exitCode(), run::toString);
    List<JsonNode> offers = run.records("opportunity_offers");
    Set<String> ids = offers.stream().map(o -> o.get("id").asText()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(10, offers.size(), "o3 was deleted mid-sync: its 404 is skipped");
    assertEquals(10, ids.size());
    offers.forEach(o -> assertEquals(o.get("id").asText().split("-")[0], o.get("opportunityId").asText()));
    assertTrue(offers.stream().anyMatch(o -> o.at("/fields/0/value").isIntegralNumber()));
    assertEquals(6, run.records("opportunity_applications").size());
    run.records("opportunity_applications").forEach(a ->
        assertEquals("o" + a.get("id").asText().substring(1), a.get("opportunityId").asText()));
    assertEquals(6, run.records("opportunities").size());
    assertEquals("[\"a0\"]", run.records("opportunities").get(0).get("applications").toString(),
        "the parent keeps the application ids, not the expanded objects");
  }

  @Test
  void applicationsComeFromTheParentPageNotOneRequestPerOpportunity() {
    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("opportunity_applications").toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(List.of("applications"), lever.requestsTo("/v1/opportunities").get(0).getUrl().queryParameterValues("expand"));
    assertTrue(lever.requests().stream().noneMatch(r -> r.getUrl().encodedPath().endsWith("/applications")));
    assertEquals(3, lever.requests().size(), "three parent pages and nothing else");
  }

  @Test
  void aChildSelectedAloneWalksItsParentWithoutEmittingIt() {
    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("opportunity_offers").toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(0, run.records("opportunities").size());
    assertEquals(10, run.records("opportunity_offers").size());
    assertTrue(run.messages().stream().noneMatch(m -> "opportunities".equals(m.path("stream").asText())),
        "no SCHEMA for an unselected parent");
  }

  @Test
  void noStateIsWrittenBeforeTheChildrenOfTheRecordsItCovers() {
    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("opportunities", "opportunity_offers").toString());

    // Walk stdout in order: every offer of a parent page must precede the STATE after that page.
    Set<String> parentsSeen = new TreeSet<>();
    Set<String> offersSeen = new TreeSet<>();
    for (JsonNode m : run.messages()) {
      String type = m.get("type").asText();
      if (type.equals("RECORD") && m.get("stream").asText().equals("opportunities")) {
        parentsSeen.add(m.at("/record/id").asText());
      } else if (type.equals("RECORD")) {
        offersSeen.add(m.at("/record/opportunityId").asText());
      } else if (type.equals("STATE") && m.at("/value/bookmarks/opportunities/progress").isObject()) {
        for (String parent : parentsSeen) {
          assertTrue(parent.equals("o3") || offersSeen.contains(parent),
              "STATE after page covering " + parent + " came before its offers:\n" + run);
        }
      }
    }
    JsonNode last = run.lastState();
    assertEquals("2023-11-14T22:13:20.000Z", last.at("/bookmarks/opportunity_offers/replication_key_value").asText());
    assertTrue(last.at("/bookmarks/opportunity_offers/children_refreshed_at").isTextual());
  }

  @Test
  void childrenOfOpportunitiesOutsideTheLookbackAreNotReadAgain() {
    // Bookmarks far after every record's updatedAt, and a recent full refresh.
    String recent = java.time.Instant.now().minusSeconds(3600).toString();
    Path state = tap.file("state.json", "{\"bookmarks\": {"
        + "\"opportunities\": {\"replication_key_value\": \"2024-06-01T00:00:00Z\"},"
        + "\"opportunity_offers\": {\"replication_key_value\": \"2024-06-01T00:00:00Z\","
        + " \"children_refreshed_at\": \"" + recent + "\"}}}");

    // The window's rule alone: the rolling refresh would read the live list's children too.
    TapRun run = TapRun.of("--config", tap.config("\"child_refresh\": \"periodic\"").toString(),
        "--catalog", tap.catalog("opportunities", "opportunity_offers").toString(), "--state",
        state.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(String.valueOf(java.time.Instant.parse("2024-05-31T00:00:00Z").toEpochMilli()),
        lever.requestsTo("/v1/opportunities").get(0).getUrl().queryParameter("updated_at_start"),
        "the window opens one lookback day before the child's bookmark");
    assertEquals(0, run.records("opportunity_offers").size(),
        "the scripted server ignores filters: records older than the window are still not fanned out");
  }
}
