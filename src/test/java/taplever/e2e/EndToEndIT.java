package taplever.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.fake.FakeDataset;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.streams.LeverStreams;
import taplever.testing.Catalogs;
import taplever.testing.SingerOutputValidator;
import taplever.testing.TapRun;
import taplever.testing.TempFiles;

/** Full runs of the tap against the fake Lever: exact delivery, incremental runs, faults. */
class EndToEndIT {
  private static final String[] ALL = LeverStreams.BY_NAME.keySet().toArray(String[]::new);

  @TempDir
  Path dir;
  private FakeLever fake;

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  private Path config(String extra) {
    return new TempFiles(dir).write("config.json", "{\"base_url\": \"" + fake.baseUrl() + "\","
        + " \"api_key\": \"fake-api-key\", \"start_date\": \"2000-01-01T00:00:00Z\","
        + " \"requests_per_second\": 500, \"burst\": 50, \"max_retry_seconds\": 60,"
        + " \"read_timeout_seconds\": 5" + (extra.isEmpty() ? "" : ", " + extra) + "}");
  }

  private Path catalog(String... streams) {
    return new TempFiles(dir).write("catalog.json", Catalogs.selecting(streams));
  }


  private Path state(JsonNode value) {
    return new TempFiles(dir).write("state.json", value.toString());
  }

  @Test
  void aFullSyncOfEveryStreamDeliversExactlyTheFakesRecords() throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(60).withRateLimit(false));

    TapRun run = TapRun.of("--config", config("").toString(), "--catalog", catalog(ALL).toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(List.of(), SingerOutputValidator.violations(run.messages()));
    FakeDataset truth = fake.dataset();
    for (String stream : ALL) {
      GroundTruth.assertDelivered(truth, stream, run.records(stream));
    }
    assertTrue(run.records("opportunity_offers").size() > 10, "the fake has offers");
    assertTrue(fake.requestLog().stream().noneMatch(r -> r.matches(".*/opportunities/[^/?]+/applications.*")),
        "applications come from expand");
  }

  @Test
  void stageChangesAreOneRowPerChangeOfEveryOpportunityAndCostNoRequestOfTheirOwn()
      throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(120).withRateLimit(false));

    TapRun run = TapRun.of("--config", config("").toString(), "--catalog",
        catalog("opportunity_stage_changes", "contacts").toString());

    assertEquals(0, run.exitCode(), run::toString);
    long changes = fake.dataset().records("opportunities").stream()
        .mapToLong(o -> o.path("stageChanges").size()).sum();
    assertEquals(changes, run.records("opportunity_stage_changes").size());
    GroundTruth.assertDelivered(fake.dataset(), "opportunity_stage_changes",
        run.records("opportunity_stage_changes"));
    assertTrue(fake.requestLog().stream().allMatch(r -> r.matches("GET /v1/opportunities\\?.*")),
        "only the opportunities list, 100 to a page: " + fake.requestLog());
    assertEquals(2, fake.requestLog().size());
    assertTrue(fake.requestLog().get(0).contains("expand=contact"));
  }

  @Test
  void aSecondRunFromTheFinalStateResendsOnlyWhatChanged() throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(80).withRateLimit(false));
    Path config = config("");
    Path catalog = catalog("opportunities", "opportunity_applications", "opportunity_offers", "users");
    TapRun first = TapRun.of("--config", config.toString(), "--catalog", catalog.toString());
    assertEquals(0, first.exitCode(), first::toString);
    String bookmark = first.lastState().at("/bookmarks/opportunities/replication_key_value").asText();

    TapRun quiet = TapRun.of("--config", config.toString(), "--catalog", catalog.toString(),
        "--state", state(first.lastState()).toString());
    assertEquals(0, quiet.exitCode(), quiet::toString);
    for (JsonNode o : quiet.records("opportunities")) {
      assertEquals(bookmark, o.get("updatedAt").asText(), "only records at the bookmark come again");
    }

    String touched = fake.dataset().records("opportunities").get(5).get("id").asText();
    fake.dataset().touchOpportunity(touched);
    String added = fake.dataset().addOpportunity();
    TapRun changed = TapRun.of("--config", config.toString(), "--catalog", catalog.toString(),
        "--state", state(quiet.lastState()).toString());

    Set<String> ids = changed.records("opportunities").stream().map(r -> r.get("id").asText()).collect(Collectors.toSet());
    assertTrue(ids.contains(touched), changed::toString);
    assertTrue(ids.contains(added));
    assertTrue(ids.size() <= 3, "touched, added, and at most the one at the old bookmark: " + ids);
  }

  @Test
  void offerStatusChangesThatLeverDoesNotSignalArriveWithTheFullChildRefresh() throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(40).withRateLimit(false));
    Path catalog = catalog("opportunity_offers");
    TapRun first = TapRun.of("--config", config("").toString(), "--catalog", catalog.toString());
    JsonNode offer = fake.dataset().records("opportunity_offers").get(0);
    fake.dataset().changeOfferStatus(offer.get("id").asText(), "signed");

    TapRun withoutRefresh = TapRun.of("--config", config("\"child_full_refresh_days\": 0,"
        + " \"child_lookback_days\": 0, \"child_refresh\": \"periodic\"").toString(),
        "--catalog", catalog.toString(), "--state", state(first.lastState()).toString());
    assertTrue(withoutRefresh.records("opportunity_offers").stream()
        .noneMatch(r -> r.get("id").equals(offer.get("id"))), "the parent window alone misses it (Lever's behaviour)");

    JsonNode dueState = first.lastState().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) dueState.at("/bookmarks/opportunity_offers"))
        .put("children_refreshed_at", "2020-01-01T00:00:00.000Z");
    TapRun refreshed = TapRun.of("--config", config("\"child_refresh\": \"periodic\","
        + " \"child_full_refresh_days\": 7").toString(), "--catalog", catalog.toString(),
        "--state", state(dueState).toString());
    assertTrue(refreshed.records("opportunity_offers").stream()
        .anyMatch(r -> r.get("id").equals(offer.get("id")) && r.get("status").asText().equals("signed")), refreshed::toString);
  }

  @Test
  void faultsAndRateLimitsStillDeliverEveryRecord() throws Exception {
    fake = FakeLever.start(FakeLeverOptions.defaults().withOpportunities(30).withFaultEvery(5)
        .withRateLimit(40, 5));
    String[] streams = {"opportunities", "opportunity_applications", "opportunity_offers", "opportunity_referrals",
        "opportunity_resumes", "users", "postings", "stages"};

    TapRun run = TapRun.of("--config", config("\"requests_per_second\": 200, \"burst\": 20").toString(),
        "--catalog", catalog(streams).toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(fake.rateLimitedCount() > 0, "the fake did answer 429s");
    for (String stream : streams) {
      Set<String> want = GroundTruth.byKey(stream, fake.dataset().records(stream)).keySet();
      Set<String> got = GroundTruth.byKey(stream, run.records(stream)).keySet();
      assertEquals(want, got, stream);
    }
  }
}
