package taplever.sync.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import taplever.singer.TapState;
import taplever.sync.EngineRun;
import taplever.sync.ScriptedLever;
import taplever.sync.out.SyncStats;

/** The refresh of children Lever edits silently: live parents every run, archived ones rolling. */
class RefreshWalkTest {
  private static final String OPPS = "/opportunities";
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long NOW = EngineRun.NOW.toEpochMilli();
  private final EngineRun run = new EngineRun();

  RefreshWalkTest() {
    run.settings("\"child_full_refresh_days\": 30, \"child_refresh\": \"rolling\"");
  }

  private static String opp(String id, long createdAt, long updatedAt, boolean archived) {
    return "{\"id\": \"" + id + "\", \"createdAt\": " + createdAt + ", \"updatedAt\": " + updatedAt
        + ", \"archived\": " + (archived ? "{\"archivedAt\": " + updatedAt + ", \"reason\": \"r\"}"
            : "null") + "}";
  }

  /** Lever's answers by filter: the window, the live list, recently archived, archived slices. */
  private void lever(List<String> changed, List<String> live, List<String> recent,
      List<String> archived) {
    lever(run, changed, live, recent, archived);
  }

  private static void lever(EngineRun run, List<String> changed, List<String> live,
      List<String> recent, List<String> archived) {
    run.lever.on(OPPS, a -> {
      if (a.param("updated_at_start").isPresent()) {
        return List.of("[" + String.join(",", changed) + "]");
      }
      if (a.param("archived").equals(Optional.of("false"))) {
        return List.of("[" + String.join(",", live) + "]");
      }
      if (a.param("archived_at_start").isPresent()) {
        return List.of("[" + String.join(",", recent) + "]");
      }
      long from = Long.parseLong(a.param("created_at_start").orElse("0"));
      long to = Long.parseLong(a.param("created_at_end").orElse(Long.toString(Long.MAX_VALUE)));
      List<String> pages = new ArrayList<>();
      for (String record : archived) {
        long created = Long.parseLong(record.replaceAll(".*\"createdAt\": (\\d+).*", "$1"));
        if (created >= from && created <= to) {
          pages.add("[" + record + "]");
        }
      }
      return pages.isEmpty() ? List.of("[]") : pages;
    });
    run.lever.on("/opportunities/live1/offers", a -> List.of("[{\"id\": \"f-live1\"}]"));
    run.lever.on("/opportunities/chg1/offers", a -> List.of("[{\"id\": \"f-chg1\"}]"));
  }

  private static TapState marked(String rolling) {
    String mark = "\"replication_key\": \"updatedAt\", \"replication_key_value\": \"2026-11-22T00:00:00.000Z\"";
    return EngineRun.state("{\"bookmarks\": {\"opportunities\": {" + mark + "},"
        + " \"opportunity_offers\": {" + mark + rolling + "}}}");
  }

  @Test
  void childrenOfLiveParentsAreReadEveryRunAndTheWindowsParentsOnlyOnce() {
    lever(List.of(opp("chg1", NOW - 100 * DAY, NOW - DAY / 2, false),
            opp("live1", NOW - 100 * DAY, NOW - 50 * DAY, false)),
        List.of(opp("live1", NOW - 100 * DAY, NOW - 50 * DAY, false),
            opp("chg1", NOW - 100 * DAY, NOW - DAY / 2, false)),
        List.of(), List.of());

    run.run(marked(""), "opportunities", "opportunity_offers");

    assertEquals(1, run.lever.askedFor("/opportunities/chg1/offers").size(),
        "read for the window, not again for the live list");
    assertEquals(1, run.lever.askedFor("/opportunities/live1/offers").size(),
        "outside the window: read once, for the live list");
  }

  @Test
  void theLivePipelineAndTheRecentlyArchivedAreAskedForWithLeversFilters() {
    lever(List.of(), List.of(opp("live1", NOW - 100 * DAY, NOW - 50 * DAY, false)), List.of(),
        List.of());

    run.run(marked(""), "opportunity_offers");

    List<ScriptedLever.Asked> lists = run.lever.askedFor(OPPS);
    assertTrue(lists.stream().anyMatch(a -> a.param("archived").equals(Optional.of("false"))
        && a.param("updated_at_start").isEmpty() && a.param("confidentiality").equals(Optional.of("all"))));
    assertTrue(lists.stream().anyMatch(a -> a.param("archived").equals(Optional.of("true"))
        && a.param("archived_at_start").equals(Optional.of(Long.toString(NOW - 7 * DAY)))));
    assertEquals(List.of("f-live1"), run.ids("opportunity_offers", "id"));
    assertEquals(1, run.stats.childRequests(SyncStats.Reason.LIVE));
  }

  @Test
  void aFullPassStartsARollingCycleSizedByTheArchivedParentsItSaw() {
    run.lever.pages(OPPS, "[" + opp("a1", NOW - 10 * DAY, NOW - 9 * DAY, true) + ","
        + opp("a2", NOW - 20 * DAY, NOW - 19 * DAY, true) + ","
        + opp("l1", NOW - 5 * DAY, NOW - 4 * DAY, false) + "]");

    TapState end = run.run(TapState.empty(), "opportunities", "opportunity_offers");

    JsonNode rolling = end.toJson().at("/bookmarks/opportunity_offers/rolling_refresh");
    assertEquals(2, rolling.get("total").asLong(), rolling::toString);
    assertEquals(0, rolling.get("done").asLong());
    assertEquals("2026-11-23T00:00:00.000Z", rolling.get("cycle_start").asText());
    assertEquals("2026-11-23T00:00:00.000Z", rolling.get("position").asText());
  }

  @Test
  void eachRunWalksItsShareOfTheArchivedNewestFirstAndSavesWhereItStopped() {
    lever(List.of(), List.of(), List.of(), archivedFrom(0, 48));
    // 48 archived, 30 days: a daily share of ceil(1.25 * 48 / 30) = 2 parents.
    String cycle = ", \"rolling_refresh\": {\"cycle_start\": \"2026-11-20T00:00:00.000Z\","
        + " \"position\": \"2026-11-20T00:00:00.000Z\", \"window_seconds\": 86400, \"done\": 0,"
        + " \"total\": 48, \"last_run\": \"2026-11-22T00:00:00.000Z\"}";

    TapState end = run.run(marked(cycle), "opportunity_offers");

    List<String> walked = run.lever.asked().stream().map(ScriptedLever.Asked::path)
        .filter(p -> p.endsWith("/offers")).toList();
    assertEquals(List.of("/opportunities/arch4/offers", "/opportunities/arch5/offers"), walked,
        "created before the cycle started (arch3 at its very start belongs to the next): newest"
            + " first");
    JsonNode rolling = end.toJson().at("/bookmarks/opportunity_offers/rolling_refresh");
    assertEquals(2, rolling.get("done").asLong());
    assertEquals(2, run.stats.childRequests(SyncStats.Reason.ROLLING));
    assertEquals("2026-11-23T00:00:00.000Z", rolling.get("last_run").asText());
    assertTrue(Instant.parse(rolling.get("position").asText())
        .isBefore(Instant.parse("2026-11-20T00:00:00.000Z")));
  }

  @Test
  void aRunAfterALongPauseTakesOneDaysShareNotEveryMissedDay() {
    lever(List.of(), List.of(), List.of(), archivedFrom(10, 60));
    String cycle = ", \"rolling_refresh\": {\"cycle_start\": \"2026-11-23T00:00:00.000Z\","
        + " \"position\": \"2026-11-23T00:00:00.000Z\", \"window_seconds\": 86400, \"done\": 0,"
        + " \"total\": 60, \"last_run\": \"2026-10-01T00:00:00.000Z\"}";

    run.run(marked(cycle), "opportunity_offers");

    // ceil(1.25 * 60 / 30) = 3, however long the pause was.
    assertEquals(3, run.stats.childRequests(SyncStats.Reason.ROLLING), run.lever.asked()::toString);
  }

  @Test
  void weeklyRunsTakeAWeeksShareSoTheCycleStillEndsWithinThePeriod() {
    lever(List.of(), List.of(), List.of(), archivedFrom(10, 60));
    // The run before the last came a week before it: the cadence is weekly.
    String cycle = ", \"rolling_refresh\": {\"cycle_start\": \"2026-11-23T00:00:00.000Z\","
        + " \"position\": \"2026-11-23T00:00:00.000Z\", \"window_seconds\": 86400, \"done\": 0,"
        + " \"total\": 60, \"last_run\": \"2026-11-16T00:00:00.000Z\", \"gap_seconds\": 604800}";

    TapState end = run.run(marked(cycle), "opportunity_offers");

    // ceil(1.25 * 60 * 7 / 30) = 18: four weekly runs walk the 60 within the 30 days.
    assertEquals(18, run.stats.childRequests(SyncStats.Reason.ROLLING), run.lever.asked()::toString);
    assertEquals(604800, end.toJson()
        .at("/bookmarks/opportunity_offers/rolling_refresh/gap_seconds").asLong());
  }

  @Test
  void aRunRemembersTheGapBeforeItSoTheNextPauseIsJudgedByTheUsualCadence() {
    lever(List.of(), List.of(), List.of(), archivedFrom(10, 60));
    String cycle = ", \"rolling_refresh\": {\"cycle_start\": \"2026-11-23T00:00:00.000Z\","
        + " \"position\": \"2026-11-23T00:00:00.000Z\", \"window_seconds\": 86400, \"done\": 0,"
        + " \"total\": 60, \"last_run\": \"2026-11-22T00:00:00.000Z\"}";

    TapState end = run.run(marked(cycle), "opportunity_offers");

    assertEquals(86400, end.toJson()
        .at("/bookmarks/opportunity_offers/rolling_refresh/gap_seconds").asLong(), "a daily run");
  }

  @Test
  void anInterruptedSliceResumesAtItsSavedPosition() {
    List<String> archived = archivedFrom(10, 30);
    lever(List.of(), List.of(), List.of(), archived);
    String cycle = ", \"rolling_refresh\": {\"cycle_start\": \"2026-11-23T00:00:00.000Z\","
        + " \"position\": \"2026-11-23T00:00:00.000Z\", \"window_seconds\": 864000,"
        + " \"done\": 0, \"total\": 240, \"last_run\": \"2026-11-22T00:00:00.000Z\"}";
    // 240 over 30 days: a share of 10; the window holds 10 parents in 10 pages of one.
    TapState first = run.run(marked(cycle), "opportunity_offers");
    JsonNode r = first.toJson().at("/bookmarks/opportunity_offers/rolling_refresh");
    assertEquals(10, r.get("done").asLong(), r::toString);

    EngineRun next = new EngineRun().settings(run.settings())
        .clock(java.time.Clock.fixed(EngineRun.NOW.plus(Duration.ofDays(1)), java.time.ZoneOffset.UTC));
    lever(next, List.of(), List.of(), List.of(), archived);
    next.run(first, "opportunity_offers");

    List<ScriptedLever.Asked> slices = next.lever.askedFor(OPPS).stream()
        .filter(a -> a.param("created_at_start").isPresent()).toList();
    assertEquals(r.get("offset").asText(), slices.get(0).offset().orElseThrow(),
        "the window left half-read continues at its saved page");
    List<String> walked = next.lever.asked().stream().map(ScriptedLever.Asked::path)
        .filter(p -> p.endsWith("/offers")).toList();
    assertFalse(walked.isEmpty());
    assertTrue(walked.stream().noneMatch(p -> p.matches(".*/arch([1-9]|10)/offers")),
        "nothing walked before is walked again: " + walked);
  }

  @Test
  void periodicModeReadsNoLiveListButEveryParentWhenThePeriodIsOver() {
    // The last full pass ended two days ago, then eight: inside the seven-day period, then after.
    EngineRun inside = periodic("2026-11-21T00:00:00.000Z");
    EngineRun over = periodic("2026-11-15T00:00:00.000Z");

    assertTrue(inside.lever.asked().stream().noneMatch(RefreshWalkTest::archivedFilter),
        "no live list inside the period: " + inside.lever.asked());
    assertTrue(inside.lever.asked().stream().noneMatch(a -> a.path().endsWith("/offers")),
        "no parent changed, none read: " + inside.lever.asked());
    List<ScriptedLever.Asked> lists = over.lever.askedFor(OPPS);
    assertTrue(over.lever.asked().stream().noneMatch(RefreshWalkTest::archivedFilter),
        "no live list, no archived slice: " + lists);
    assertEquals(1, lists.stream().filter(a -> a.param("updated_at_start").isEmpty()
        && a.param("created_at_start").isEmpty()).count(), "one walk of every parent: " + lists);
    for (String id : PERIODIC_PARENTS) {
      assertEquals(1, over.lever.askedFor(OPPS + "/" + id + "/offers").size(), id + "'s offers");
    }
    assertEquals(Set.of("f-live1", "f-arch1", "f-arch2"),
        Set.copyOf(over.ids("opportunity_offers", "id")));
  }

  /**
   * {@code count} archived parents arch1..archN, archN created and updated {@code daysAgo + N}
   * days before now: newest first is arch1.
   */
  private static List<String> archivedFrom(int daysAgo, int count) {
    List<String> archived = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      long at = NOW - (daysAgo + i) * DAY;
      archived.add(opp("arch" + i, at, at + 1000, true));
    }
    return archived;
  }

  private static final List<String> PERIODIC_PARENTS = List.of("live1", "arch1", "arch2");

  /**
   * A periodic run whose last full pass ended at {@code refreshedAt}; Lever has one live parent
   * and two archived ones, none changed since the bookmark.
   */
  private static EngineRun periodic(String refreshedAt) {
    EngineRun run = new EngineRun().settings("\"child_full_refresh_days\": 7,"
        + " \"child_refresh\": \"periodic\"");
    List<String> parents = List.of(opp("live1", NOW - 100 * DAY, NOW - 50 * DAY, false),
        opp("arch1", NOW - 200 * DAY, NOW - 150 * DAY, true),
        opp("arch2", NOW - 300 * DAY, NOW - 250 * DAY, true));
    run.lever.on(OPPS, a -> a.params().keySet().stream().anyMatch(p -> p.startsWith("archived")
        || p.startsWith("updated_at") || p.startsWith("created_at"))
        ? List.of("[]") : List.of("[" + String.join(",", parents) + "]"));
    for (String id : PERIODIC_PARENTS) {
      run.lever.on(OPPS + "/" + id + "/offers", a -> List.of("[{\"id\": \"f-" + id + "\"}]"));
    }
    String mark = "\"replication_key\": \"updatedAt\","
        + " \"replication_key_value\": \"2026-11-22T00:00:00.000Z\"";
    run.run(EngineRun.state("{\"bookmarks\": {\"opportunities\": {" + mark + "},"
        + " \"opportunity_offers\": {" + mark + ", \"children_refreshed_at\": \"" + refreshedAt
        + "\"}}}"), "opportunity_offers");
    return run;
  }

  private static boolean archivedFilter(ScriptedLever.Asked a) {
    return a.params().keySet().stream().anyMatch(p -> p.startsWith("archived"));
  }
}
