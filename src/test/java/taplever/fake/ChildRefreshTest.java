package taplever.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taplever.fake.FakeLeverClient.KEY;
import static taplever.fake.FakeLeverClient.get;
import static taplever.fake.FakeLeverClient.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import taplever.testing.SteppedClock;

/**
 * What a child-refresh policy is tested against: the live share, the {@code archived} filter, the
 * mutations Lever does and does not signal through {@code updatedAt}, and the helpers that pick
 * their targets.
 */
class ChildRefreshTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  private static FakeLever start(SteppedClock clock, int opportunities) throws Exception {
    return FakeLever.start(
        FakeLeverOptions.defaults()
            .withOpportunities(opportunities)
            .withRateLimit(false)
            .withClock(clock));
  }

  @Test
  void liveShareSetsTheShareOfOpportunitiesThatAreNotArchived() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    FakeDataset few =
        FakeDataset.generate(
            FakeLeverOptions.defaults()
                .withOpportunities(1_000)
                .withLiveShare(0.07)
                .withClock(clock));
    double live = few.liveOpportunityIds().size() / 1_000.0;
    assertTrue(live > 0.04 && live < 0.10, "live share " + live);
    FakeDataset usual = FakeDataset.generate(42, 1_000, clock);
    double usualLive = usual.liveOpportunityIds().size() / 1_000.0;
    assertTrue(usualLive > 0.6 && usualLive < 0.7, "default live share " + usualLive);
    assertEquals(
        usual.opportunityIds().size(),
        usual.liveOpportunityIds().size() + usual.archivedOpportunityIds().size());
    assertThrows(
        IllegalArgumentException.class, () -> FakeLeverOptions.defaults().withLiveShare(1.5));
  }

  @Test
  void archivedTrueFalseAndAbsentSelectArchivedActiveAndBoth() throws Exception {
    try (FakeLever lever = start(new SteppedClock(NOW), 150)) {
      FakeDataset data = lever.dataset();
      Set<String> archived = Set.copyOf(data.archivedOpportunityIds());
      Set<String> live = Set.copyOf(data.liveOpportunityIds());
      assertEquals(
          archived, ids(walk(lever, "/opportunities", "confidentiality=all&archived=true", null)));
      assertEquals(
          live, ids(walk(lever, "/opportunities", "confidentiality=all&archived=false", null)));
      assertEquals(
          Set.copyOf(data.opportunityIds()),
          ids(walk(lever, "/opportunities", "confidentiality=all", null)));

      List<ObjectNode> all = data.records("opportunities");
      long mid =
          all.stream()
              .filter(o -> o.has("updatedAt"))
              .map(o -> o.get("updatedAt").asLong())
              .sorted()
              .toList()
              .get(all.size() / 3);
      String window = "confidentiality=all&updated_at_start=" + mid;
      Set<String> recentArchived = new HashSet<>();
      Set<String> recentLive = new HashSet<>();
      for (ObjectNode o : all) {
        if (o.has("updatedAt") && o.get("updatedAt").asLong() >= mid) {
          (o.get("archived").isObject() ? recentArchived : recentLive).add(o.get("id").asText());
        }
      }
      assertEquals(
          recentArchived, ids(walk(lever, "/opportunities", window + "&archived=true", null)));
      assertEquals(
          recentLive, ids(walk(lever, "/opportunities", window + "&archived=false", null)));

      ObjectNode someArchived =
          all.stream().filter(o -> o.get("archived").isObject()).findFirst().orElseThrow();
      long at = someArchived.get("archived").get("archivedAt").asLong();
      List<JsonNode> exact =
          walk(
              lever,
              "/opportunities",
              "confidentiality=all&archived_at_start=" + at + "&archived_at_end=" + at,
              null);
      assertEquals(Set.of(someArchived.get("id").asText()), ids(exact), "inclusive bounds");
      assertEquals(400, get(lever, "/v1/opportunities?archived=maybe", KEY).status());
    }
  }

  @Test
  void childEditsMoveOnlyTheChildNeverTheOpportunitysUpdatedAt() throws Exception {
    SteppedClock clock = new SteppedClock(NOW);
    try (FakeLever lever = start(clock, 120)) {
      FakeDataset data = lever.dataset();
      String withFeedback = first(data, data::feedbackIds);
      String withInterview = first(data, data::interviewIds);
      String withNote = first(data, data::noteIds);
      String withOffer = first(data, data::offerIds);
      List<String> targets = List.of(withFeedback, withInterview, withNote, withOffer);
      List<Long> before = new ArrayList<>();
      for (String id : targets) {
        before.add(opportunity(lever, id).path("updatedAt").asLong(-1));
      }
      clock.advance(Duration.ofHours(2));
      long now = clock.millis();

      String feedbackId = data.feedbackIds(withFeedback).get(0);
      JsonNode oldFeedback = child(lever, withFeedback, "feedback", feedbackId);
      data.editFeedbackAnswers(feedbackId);
      JsonNode feedback = child(lever, withFeedback, "feedback", feedbackId);
      assertEquals(now, feedback.get("updatedAt").asLong(), "the form's own updatedAt moves");
      assertNotEquals(oldFeedback.get("fields"), feedback.get("fields"));

      String interviewId = data.interviewIds(withInterview).get(0);
      long newDate = now + Duration.ofDays(3).toMillis();
      data.rescheduleInterview(interviewId, newDate);
      JsonNode interview = child(lever, withInterview, "interviews", interviewId);
      assertEquals(newDate, interview.get("date").asLong());
      JsonNode panel = panelOf(lever, withInterview, interview.get("panel").asText());
      JsonNode copy = findById(panel.get("interviews"), interviewId);
      assertEquals(interview, copy, "the panel holds the same interview object");
      assertTrue(panel.get("end").asLong() >= newDate);
      data.cancelInterview(interviewId);
      assertEquals(
          now, child(lever, withInterview, "interviews", interviewId).get("canceledAt").asLong());
      assertEquals(
          now,
          findById(
                  panelOf(lever, withInterview, interview.get("panel").asText()).get("interviews"),
                  interviewId)
              .get("canceledAt")
              .asLong());

      String noteId = data.noteIds(withNote).get(0);
      data.deleteNote(noteId);
      assertEquals(now, child(lever, withNote, "notes", noteId).get("deletedAt").asLong());

      String offerId = data.offerIds(withOffer).get(0);
      data.changeOfferStatus(offerId, "opened");
      assertEquals("opened", child(lever, withOffer, "offers", offerId).get("status").asText());

      for (int i = 0; i < targets.size(); i++) {
        assertEquals(
            before.get(i), opportunity(lever, targets.get(i)).path("updatedAt").asLong(-1));
      }
      assertEquals(
          List.of(),
          walk(lever, "/opportunities", "confidentiality=all&updated_at_start=" + (now - 1), null),
          "nothing signalled");
    }
  }

  @Test
  void archivingAndUnarchivingAreSignalledThroughUpdatedAt() throws Exception {
    SteppedClock clock = new SteppedClock(NOW);
    try (FakeLever lever = start(clock, 80)) {
      FakeDataset data = lever.dataset();
      String target = data.liveOpportunityIds().get(4);
      clock.advance(Duration.ofMinutes(30));
      data.archiveOpportunity(target);
      JsonNode archived = opportunity(lever, target);
      assertEquals(clock.millis(), archived.get("updatedAt").asLong());
      assertEquals(clock.millis(), archived.get("archived").get("archivedAt").asLong());
      assertTrue(archived.get("archived").get("reason").isTextual());
      String since = "confidentiality=all&updated_at_start=" + clock.millis();
      assertEquals(
          Set.of(target), ids(walk(lever, "/opportunities", since + "&archived=true", null)));
      assertTrue(data.archivedOpportunityIds().contains(target));
      JsonNode application =
          get(lever, "/v1/opportunities/" + target + "?expand=applications", KEY)
              .body()
              .get("data")
              .get("applications");
      for (JsonNode app : application) {
        assertEquals(archived.get("archived"), app.get("archived"), "the application follows");
      }
      assertThrows(IllegalArgumentException.class, () -> data.archiveOpportunity(target));

      clock.advance(Duration.ofMinutes(30));
      data.unarchiveOpportunity(target);
      JsonNode back = opportunity(lever, target);
      assertTrue(back.get("archived").isNull());
      assertEquals(clock.millis(), back.get("updatedAt").asLong());
      assertTrue(data.liveOpportunityIds().contains(target));
      assertThrows(IllegalArgumentException.class, () -> data.unarchiveOpportunity(target));
      assertThrows(IllegalArgumentException.class, () -> data.archiveOpportunity(target, "nope"));
    }
  }

  @Test
  void helpersNameTheSameChildrenTheEndpointsServe() throws Exception {
    try (FakeLever lever = start(new SteppedClock(NOW), 60)) {
      FakeDataset data = lever.dataset();
      for (String id : data.opportunityIds().subList(0, 20)) {
        assertEquals(data.offerIds(id), ids(lever, id, "offers"));
        assertEquals(data.feedbackIds(id), ids(lever, id, "feedback"));
        assertEquals(data.interviewIds(id), ids(lever, id, "interviews"));
        assertEquals(data.noteIds(id), ids(lever, id, "notes"));
      }
      assertThrows(IllegalArgumentException.class, () -> data.offerIds("nope"));
      assertThrows(IllegalArgumentException.class, () -> data.changeOfferStatus("nope", "sent"));
      String noteId = data.noteIds(first(data, data::noteIds)).get(0);
      assertThrows(
          IllegalArgumentException.class,
          () -> data.cancelInterview(noteId),
          "a note id is no interview id");
      String gone = first(data, data::offerIds);
      String offer = data.offerIds(gone).get(0);
      data.deleteOpportunity(gone);
      assertThrows(IllegalArgumentException.class, () -> data.changeOfferStatus(offer, "sent"));
    }
  }

  @Test
  void theSameMutationsOnTheSameClockGiveTheSameData() throws Exception {
    String a = scripted();
    String b = scripted();
    assertEquals(a, b);
  }

  private static String scripted() throws Exception {
    SteppedClock clock = new SteppedClock(NOW);
    FakeDataset data =
        FakeDataset.generate(FakeLeverOptions.defaults().withOpportunities(50).withClock(clock));
    String withFeedback = first(data, data::feedbackIds);
    for (int day = 0; day < 3; day++) {
      clock.advance(Duration.ofDays(1));
      data.touchOpportunity(data.liveOpportunityIds().get(day));
      data.archiveOpportunity(data.liveOpportunityIds().get(0));
      data.editFeedbackAnswers(data.feedbackIds(withFeedback).get(0));
      data.addOpportunity();
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    data.writeGroundTruth(out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String first(FakeDataset data, Function<String, List<String>> children) {
    return data.opportunityIds().stream()
        .filter(id -> !children.apply(id).isEmpty())
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode opportunity(FakeLever lever, String id) throws Exception {
    return get(lever, "/v1/opportunities/" + id, KEY).body().get("data");
  }

  private static JsonNode child(FakeLever lever, String opportunity, String kind, String id)
      throws Exception {
    return findById(walk(lever, "/opportunities/" + opportunity + "/" + kind, "", null), id);
  }

  private static JsonNode panelOf(FakeLever lever, String opportunity, String panelId)
      throws Exception {
    return child(lever, opportunity, "panels", panelId);
  }

  private static JsonNode findById(Iterable<JsonNode> records, String id) {
    for (JsonNode r : records) {
      if (r.get("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no record " + id);
  }

  private static List<String> ids(FakeLever lever, String opportunity, String kind)
      throws Exception {
    return walk(lever, "/opportunities/" + opportunity + "/" + kind, "", null).stream()
        .map(r -> r.get("id").asText())
        .toList();
  }

  private static Set<String> ids(List<JsonNode> records) {
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(r.get("id").asText()));
    assertEquals(records.size(), ids.size(), "no duplicates");
    return ids;
  }
}
