package taplever.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import taplever.error.InterruptedSyncException;
import taplever.error.LeverApiException;
import taplever.error.TargetGoneException;
import taplever.singer.TapState;

class SyncEngineTest {
  private static final String OPPS = "/opportunities";
  private final EngineRun run = new EngineRun();

  private static String opp(String id, long updatedAt) {
    return "{\"id\": \"" + id + "\", \"createdAt\": 1600000000000, \"updatedAt\": " + updatedAt
        + ", \"stageChanges\": [{\"toStageId\": \"lead-new\", \"toStageIndex\": 0,"
        + " \"updatedAt\": 1600000000000, \"userId\": \"u1\"}], \"tags\": [\"a\", \"b\"]}";
  }

  @Test
  void writesTheInputStateFirstThenSchemaBeforeRecordsAndAStateAfterEveryPage() {
    run.lever.pages("/users", "[{\"id\": \"u1\"}]", "[{\"id\": \"u2\"}]");

    TapState end = run.run(TapState.empty(), "users");

    assertEquals(List.of("STATE", "SCHEMA users", "RECORD users", "STATE", "RECORD users", "STATE",
        "STATE"), run.kinds());
    assertEquals("/users#1", run.states().get(1).at("/bookmarks/users/progress/offset").asText());
    assertEquals("users", run.states().get(2).path("currently_syncing").asText());
    assertTrue(run.states().get(3).path("currently_syncing").isNull());
    assertEquals(end.toJson(), run.states().get(3));
  }

  /** Moved from SingerWriterTest when records stopped passing through SingerMessage. */
  @Test
  void recordsCarryTimeExtractedInRfc3339UtcWithMilliseconds() {
    run.lever.pages("/users", "[{\"id\": \"u1\"}]");
    run.clock(Clock.fixed(Instant.ofEpochMilli(1), ZoneOffset.UTC));

    run.run(TapState.empty(), "users");

    JsonNode record = run.messages().stream().filter(m -> m.path("type").asText().equals("RECORD"))
        .findFirst().orElseThrow();
    assertEquals("1970-01-01T00:00:00.001Z", record.get("time_extracted").asText());
  }

  @Test
  void aPagesChildrenAreWrittenBeforeTheStateThatCoversThePage() {
    run.lever.pages(OPPS, "[" + opp("o1", 1700000000000L) + ", " + opp("o2", 1700000000000L) + "]",
        "[" + opp("o3", 1700000000000L) + "]");
    run.lever.on("/opportunities/o1/offers", a -> List.of("[{\"id\": \"f1\"}]"));
    run.lever.on("/opportunities/o3/offers", a -> List.of("[{\"id\": \"f3\"}]"));

    run.run(TapState.empty(), "opportunities", "opportunity_offers");

    List<String> kinds = run.kinds();
    int firstPageState = kinds.subList(1, kinds.size()).indexOf("STATE") + 1;
    assertTrue(kinds.subList(0, firstPageState).contains("RECORD opportunity_offers"), kinds::toString);
    assertEquals(List.of("f1", "f3"), run.ids("opportunity_offers", "id"));
    assertEquals(List.of("o1", "o3"), run.ids("opportunity_offers", "opportunityId"));
  }

  @Test
  void aChildSelectedAloneWalksItsParentWithoutWritingIt() {
    run.lever.pages(OPPS, "[" + opp("o1", 1700000000000L) + "]");
    run.lever.on("/opportunities/o1/notes", a -> List.of("[{\"id\": \"n1\"}]"));

    run.run(TapState.empty(), "opportunity_notes");

    assertEquals(List.of(), run.records("opportunities"));
    assertEquals(List.of("n1"), run.ids("opportunity_notes", "id"));
  }

  @Test
  void rowsOfTheParentsArraysCostNoRequestAndCarryTheParentsIdAndVersion() {
    run.lever.pages(OPPS, "[" + opp("o1", 1700000000000L) + "]");

    run.run(TapState.empty(), "opportunities", "opportunity_stage_changes", "opportunity_tags");

    assertEquals(1, run.lever.asked().size(), "only the opportunities page");
    JsonNode change = run.records("opportunity_stage_changes").get(0);
    assertEquals("o1", change.get("opportunityId").asText());
    assertEquals("lead-new", change.get("toStageId").asText());
    assertEquals("2020-09-13T12:26:40.000Z", change.get("updatedAt").asText());
    assertEquals("2023-11-14T22:13:20.000Z", change.get("opportunityUpdatedAt").asText());
    assertEquals(List.of("a", "b"), run.ids("opportunity_tags", "tag"));
    assertEquals("[\"a\",\"b\"]", run.records("opportunities").get(0).get("tags").toString(),
        "the parent keeps its array");
  }

  @Test
  void childrenCarriedInlineAreAskedForAndTheParentKeepsTheirIds() {
    run.lever.pages(OPPS, "[{\"id\": \"o1\", \"updatedAt\": 1700000000000,"
        + " \"contact\": {\"id\": \"c1\", \"name\": \"Ana\", \"location\": {\"name\": \"Lyon\"}},"
        + " \"applications\": [{\"id\": \"a1\", \"type\": \"posting\"}]}]");

    run.run(TapState.empty(), "opportunities", "opportunity_applications", "contacts");

    assertEquals(List.of("applications", "contact"), run.lever.asked().get(0).params().get("expand"));
    JsonNode parent = run.records("opportunities").get(0);
    assertEquals("c1", parent.get("contact").asText());
    assertEquals("[\"a1\"]", parent.get("applications").toString());
    assertEquals("Lyon", run.records("contacts").get(0).at("/location/name").asText());
    assertFalse(run.records("contacts").get(0).has("opportunityId"),
        "a contact is shared by opportunities; they point to it");
    assertEquals("o1", run.records("opportunity_applications").get(0).get("opportunityId").asText());
  }

  @Test
  void aContactHeldOnlyByIdIsReadByIdOncePerPage() {
    run.lever.pages(OPPS, "[{\"id\": \"o1\", \"updatedAt\": 1700000000000, \"contact\": \"c1\"},"
        + " {\"id\": \"o2\", \"updatedAt\": 1700000000000, \"contact\": \"c1\"},"
        + " {\"id\": \"o3\", \"updatedAt\": 1700000000000, \"contact\": {\"id\": \"c3\"}}]");
    run.lever.pages("/contacts/c1", "[{\"id\": \"c1\", \"name\": \"Ana\"}]");

    run.run(TapState.empty(), "opportunities", "contacts");

    assertEquals(List.of("c3", "c1"), run.ids("contacts", "id"));
    assertEquals(1, run.lever.askedFor("/contacts/c1").size(), "one request for both parents");
    assertEquals(List.of("c1", "c1", "c3"), run.ids("opportunities", "contact"));
    assertFalse(run.logs.text().contains("not delivered"), run.logs.text());
  }

  @Test
  void contactsThatCannotBeReadAreCountedAndWarnedOnceWithTheNumber() {
    run.lever.pages(OPPS, "[{\"id\": \"o1\", \"updatedAt\": 1700000000000, \"contact\": null},"
        + " {\"id\": \"o2\", \"updatedAt\": 1700000000000, \"contact\": []}]",
        "[{\"id\": \"o3\", \"updatedAt\": 1700000000000, \"contact\": null},"
        + " {\"id\": \"o4\", \"updatedAt\": 1700000000000}]");

    run.run(TapState.empty(), "opportunities", "contacts");

    assertEquals(List.of(), run.records("contacts"));
    List<String> warnings = run.logs.lines().stream().filter(l -> l.contains("not delivered"))
        .toList();
    assertEquals(List.of("WARN contacts: records not delivered: 4 ('contact' was absent: 1,"
        + " 'contact' was an empty list: 1, 'contact' was null: 2); their parents held neither"
        + " the record nor an id Lever lets the tap read it by"), warnings);
    assertEquals(4L, run.stats.notDelivered().get("contacts").values().stream()
        .mapToLong(Long::longValue).sum());
  }

  @Test
  void aRerunWithAProgressStateContinuesAtThePageAfterTheLastOneDelivered() {
    run.lever.pages("/users", "[{\"id\": \"u1\"}]", "[{\"id\": \"u2\"}]", "[{\"id\": \"u3\"}]");
    TapState resume = EngineRun.state("{\"bookmarks\": {\"users\": {\"progress\":"
        + " {\"window_end\": \"2026-11-22T00:00:00Z\", \"offset\": \"/users#1\"}}},"
        + " \"currently_syncing\": \"users\"}");

    run.run(resume, "users");

    assertEquals(Optional.of("/users#1"), run.lever.asked().get(0).offset());
    assertEquals(List.of("u2", "u3"), run.ids("users", "id"));
  }

  @Test
  void aRerunThatSelectsAStreamTheInterruptedWindowDidNotServeReadsTheWindowAnew() {
    run.lever.pages(OPPS, "[" + opp("o1", 1763000000000L) + "]", "[" + opp("o2", 1763000000001L)
        + "]");
    TapState interrupted = EngineRun.state("{\"bookmarks\": {\"opportunities\": {\"progress\":"
        + " {\"window_end\": \"2026-11-22T00:00:00Z\", \"offset\": \"/opportunities#1\","
        + " \"streams\": [\"opportunities\"], \"full_pass\": [\"opportunities\"]}}}}");

    run.run(interrupted, "opportunities", "opportunity_stage_changes");

    assertEquals(Optional.empty(), run.lever.asked().get(0).offset(),
        "stage changes were not written for the pages already walked");
    assertEquals(List.of("o1", "o2"), run.ids("opportunities", "id"));
    assertTrue(run.logs.text().contains("does not cover this run's selection"), run.logs.text());
  }

  @Test
  void aRerunOfTheSameSelectionResumesItsWindowAndTheStateSaysWhoTheWindowServes() {
    run.lever.pages(OPPS, "[" + opp("o1", 1763000000000L) + "]", "[" + opp("o2", 1763000000001L)
        + "]");

    run.run(TapState.empty(), "opportunities", "opportunity_stage_changes");

    JsonNode progress = run.states().stream().map(st -> st.at("/bookmarks/opportunities/progress"))
        .filter(JsonNode::isObject).findFirst().orElseThrow();
    assertEquals("[\"opportunities\",\"opportunity_stage_changes\"]",
        progress.get("streams").toString());
    assertEquals(progress.get("streams"), progress.get("full_pass"), "a first sync is a full pass");
  }

  @Test
  void aSignalStopsTheSyncAndRepeatsTheLastConsistentStateAsTheLastLine() {
    run.lever.pages("/users", "[{\"id\": \"u1\"}]", "[{\"id\": \"u2\"}]", "[{\"id\": \"u3\"}]");
    AtomicInteger calls = new AtomicInteger();
    run.lever.beforeEach(() -> {
      if (calls.incrementAndGet() == 2) {
        run.cancellation.cancel(143);
      }
    });

    InterruptedSyncException e = assertThrows(InterruptedSyncException.class,
        () -> run.run(TapState.empty(), "users"));

    assertEquals(143, e.signalExitCode());
    List<String> kinds = run.kinds();
    assertEquals("STATE", kinds.get(kinds.size() - 1));
    List<JsonNode> states = run.states();
    assertEquals(states.get(states.size() - 2), states.get(states.size() - 1));
    assertEquals(List.of("u1"), run.ids("users", "id"), "nothing after the signal");
  }

  @Test
  void aSignalWhileFieldDefinitionsAreReadEndsTheRunOnTheInputState() {
    run.lever.pages("/requisition_fields", "[{\"id\": \"f1\", \"type\": \"date\"}]");
    run.lever.pages("/requisitions", "[{\"id\": \"r1\"}]");
    run.lever.beforeEach(() -> run.cancellation.cancel(143));
    TapState input = EngineRun.state("{\"bookmarks\": {\"users\": {\"replication_key\":"
        + " \"updatedAt\", \"replication_key_value\": \"2026-01-01T00:00:00.000Z\"}}}");

    InterruptedSyncException e = assertThrows(InterruptedSyncException.class,
        () -> run.run(input, "requisitions"));

    assertEquals(143, e.signalExitCode());
    assertTrue(run.kinds().stream().allMatch("STATE"::equals), run.kinds()::toString);
    assertEquals(input.toJson(), run.states().get(0), "the input state first");
    assertEquals(input.toJson(), run.states().get(run.states().size() - 1), "and last");
    assertEquals(1, run.lever.asked().size(), "no request after the signal");
  }

  @Test
  void noRequestStartsOnceTheTargetStoppedReading() {
    run.lever.pages(OPPS, "[" + opp("o1", 1700000000000L) + ", " + opp("o2", 1700000000000L)
        + "]", "[" + opp("o3", 1700000000000L) + "]");
    AtomicInteger writes = new AtomicInteger();
    run.stdout(out -> new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (writes.incrementAndGet() > 3) {
          throw new IOException("Broken pipe");
        }
        out.write(b, off, len);
      }
    });
    AtomicInteger afterGone = new AtomicInteger();
    run.lever.beforeEach(() -> {
      if (run.cancellation.isCancelled()) {
        afterGone.incrementAndGet();
      }
    });

    assertThrows(TargetGoneException.class,
        () -> run.run(TapState.empty(), "opportunities", "opportunity_offers"));

    assertEquals(0, afterGone.get(), "no request after the failed write");
  }

  @Test
  void aChildWhoseParentVanishedMidSyncIsSkipped() {
    run.lever.pages(OPPS, "[" + opp("o1", 1700000000000L) + ", " + opp("o2", 1700000000000L) + "]");
    run.lever.fails("/opportunities/o1/offers", 404, "/opportunities/{id}/offers", "gone");
    run.lever.on("/opportunities/o2/offers", a -> List.of("[{\"id\": \"f2\"}]"));

    run.run(TapState.empty(), "opportunity_offers");

    assertEquals(List.of("f2"), run.ids("opportunity_offers", "id"));
  }

  @Test
  void aRefusedChildNamesTheScopeItNeeds() {
    run.lever.pages(OPPS, "[" + opp("o1", 1700000000000L) + "]");
    run.lever.fails("/opportunities/o1/feedback", 403, "/opportunities/{id}/feedback", "no");

    LeverApiException e = assertThrows(LeverApiException.class,
        () -> run.run(TapState.empty(), "opportunity_feedback"));

    assertTrue(e.getMessage().contains("lacks the 'feedback:read:admin' scope"), e.getMessage());
  }

  @Test
  void aRefusalFromTheTokenEndpointKeepsItsOwnMessage() {
    run.lever.fails("/users", 403, "/oauth/token", "the refresh token is no longer valid; run"
        + " 'tap-lever login'");

    LeverApiException e = assertThrows(LeverApiException.class,
        () -> run.run(TapState.empty(), "users"));

    assertEquals("the refresh token is no longer valid; run 'tap-lever login'", e.getMessage());
  }

  @Test
  void anAddOnTheAccountLacksIsAWarningAndTheRestSyncs() {
    run.lever.fails("/audit_events", 403, "/audit_events", "forbidden");
    run.lever.pages("/users", "[{\"id\": \"u1\"}]");

    run.run(TapState.empty(), "users", "audit_events");

    assertEquals(List.of("u1"), run.ids("users", "id"));
    assertTrue(run.logs.text().contains("audit_events: Lever answered 403"), run.logs.text());
  }

  @Test
  void anEndpointMissingFromLeversReferenceIsAWarningWhenTheAccountDoesNotServeIt() {
    run.lever.fails("/postings/deleted", 404, "/postings/deleted", "not found");

    run.run(TapState.empty(), "deleted_postings");

    assertTrue(run.logs.text().contains("deleted_postings: Lever answered 404 for /postings/deleted"),
        run.logs.text());
  }

  @Test
  void aWindowLongerThanLeverAnswersIsReadAsConsecutiveWindowsEachBookmarkedAtItsEnd() {
    // One deleted posting in the middle of each window asked for.
    run.lever.on("/postings/deleted", a -> {
      long start = Long.parseLong(a.param("deleted_at_start").orElseThrow());
      long end = Long.parseLong(a.param("deleted_at_end").orElseThrow());
      long at = start + (end - start) / 2;
      return List.of("[{\"id\": \"p" + at + "\", \"deletedAt\": " + at + "}]");
    });
    TapState marked = EngineRun.state("{\"bookmarks\": {\"deleted_postings\": {\"replication_key\":"
        + " \"deletedAt\", \"replication_key_value\": \"2026-09-01T00:00:00.000Z\"}}}");

    TapState end = run.run(marked, "deleted_postings");

    List<String> windows = run.lever.asked().stream().map(a -> a.param("deleted_at_start")
        .orElseThrow() + ".." + a.param("deleted_at_end").orElseThrow()).toList();
    long sep1 = java.time.Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();
    long day = java.time.Duration.ofDays(1).toMillis();
    long now = EngineRun.NOW.toEpochMilli();
    assertEquals(List.of(sep1 + ".." + (sep1 + 30 * day), (sep1 + 30 * day) + ".."
        + (sep1 + 60 * day), (sep1 + 60 * day) + ".." + now), windows,
        "at most 30 days each, sharing their inclusive bounds, the last ending at the sync start");
    assertEquals(3, run.records("deleted_postings").size());
    List<String> marks = run.states().stream()
        .map(st -> st.at("/bookmarks/deleted_postings/replication_key_value").asText()).toList();
    assertTrue(marks.contains("2026-10-01T00:00:00.000Z"), marks.toString());
    assertTrue(marks.contains("2026-10-31T00:00:00.000Z"), marks.toString());
    long lastSeen = sep1 + 60 * day + (now - sep1 - 60 * day) / 2;
    assertEquals(java.time.Instant.ofEpochMilli(lastSeen).toString().replace("Z", ".000Z"),
        end.toJson().at("/bookmarks/deleted_postings/replication_key_value").asText(),
        "the last window keeps the rule of every window: the largest key seen");
  }

  @Test
  void aTimestampBeyondAnyInstantIsWrittenAsNullWithAWarningAndThePageReadOnce() {
    run.lever.pages(OPPS, "[{\"id\": \"o1\", \"createdAt\": 1763000000000,"
        + " \"updatedAt\": 99999999999999999999}]");

    run.run(TapState.empty(), "opportunities");

    assertEquals(1, run.lever.asked().size());
    assertEquals(List.of("o1"), run.ids("opportunities", "id"));
    assertTrue(run.records("opportunities").get(0).get("updatedAt").isNull());
    assertTrue(run.logs.text().contains("updatedAt"), run.logs.text());
  }

  @Test
  void aBookmarkInTheFutureIsClampedToTheSyncStartWithAWarning() {
    run.lever.pages(OPPS, "[" + opp("o1", 1763000000000L) + "]");
    TapState future = EngineRun.state("{\"bookmarks\": {\"opportunities\": {\"replication_key\":"
        + " \"updatedAt\", \"replication_key_value\": \"2031-01-01T00:00:00.000Z\"}}}");

    TapState end = run.run(future, "opportunities");

    assertEquals(Optional.of(Long.toString(EngineRun.NOW.toEpochMilli())),
        run.lever.asked().get(0).param("updated_at_start"));
    assertTrue(run.logs.text().contains("after this sync's start"), run.logs.text());
    assertEquals("2026-11-23T00:00:00.000Z",
        end.toJson().at("/bookmarks/opportunities/replication_key_value").asText(),
        "stored as the cap, never the future value again");
  }

  @Test
  void aLaterRunAsksLeverForTheWindowFromTheBookmarkToTheSyncStart() {
    run.lever.pages(OPPS, "[" + opp("o1", 1763000000000L) + "]");
    TapState marked = EngineRun.state("{\"bookmarks\": {\"opportunities\": {\"replication_key\":"
        + " \"updatedAt\", \"replication_key_value\": \"2025-01-01T00:00:00.000Z\"}}}");

    run.run(marked, "opportunities");

    ScriptedLever.Asked a = run.lever.asked().get(0);
    assertEquals(Optional.of("1735689600000"), a.param("updated_at_start"));
    assertEquals(Optional.of(Long.toString(EngineRun.NOW.toEpochMilli())), a.param("updated_at_end"));
    assertEquals(Optional.of("all"), a.param("confidentiality"));
  }

  @Test
  void aFieldLeverAddedIsDeclaredInASchemaSentAgainBeforeTheFirstRecordCarryingIt() {
    run.lever.pages("/users", "[{\"id\": \"u1\"}]", "[{\"id\": \"u2\", \"brandNew\": \"x\","
        + " \"managerId\": \"m\"}]");

    run.run(TapState.empty(), "users");

    List<JsonNode> messages = run.messages();
    int declared = -1;
    int carried = -1;
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      if (declared < 0 && m.at("/schema/properties/brandNew/type").isArray()) {
        declared = i;
      }
      if (carried < 0 && m.at("/record/brandNew").isTextual()) {
        carried = i;
      }
    }
    assertTrue(declared >= 0 && declared < carried, run.kinds()::toString);
    assertEquals(2, run.kinds().stream().filter(k -> k.equals("SCHEMA users")).count());
    assertEquals("x", run.records("users").get(1).get("brandNew").asText());
    assertTrue(run.stats.learned().contains("users.brandNew"));
  }

  @Test
  void postingsAreAskedForEveryFieldTheyEmitBecauseLeverLeavesSomeOutOfLists() {
    run.run(TapState.empty(), "postings", "posting_tags");

    List<String> include = run.lever.asked().get(0).params().get("include");
    assertTrue(include.containsAll(List.of("id", "content", "followers", "tags", "updatedAt")),
        include::toString);
  }
}
