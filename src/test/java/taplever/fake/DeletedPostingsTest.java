package taplever.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taplever.fake.FakeLeverClient.KEY;
import static taplever.fake.FakeLeverClient.get;
import static taplever.fake.FakeLeverClient.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import taplever.fake.FakeLeverClient.Reply;
import taplever.testing.SteppedClock;

/** {@code GET /postings/deleted} and {@link FakeDataset#deletePosting}. */
class DeletedPostingsTest {
  private static FakeLeverOptions options(SteppedClock clock) {
    return FakeLeverOptions.defaults().withOpportunities(60).withRateLimit(false).withClock(clock);
  }

  @Test
  void everyDatasetHasAFewDeletedPostingsWithDeletedAtAndDeletedBy() throws Exception {
    try (FakeLever lever = FakeLever.start(options(new SteppedClock(Instant.now())))) {
      List<JsonNode> deleted =
          walk(lever, "/postings/deleted", "limit=2&include=content&include=followers", null);
      List<ObjectNode> truth = lever.dataset().records("deleted_postings");
      assertEquals(ReferenceGenerator.DELETED_POSTINGS, deleted.size());
      assertEquals(truth.size(), deleted.size());
      List<String> live = lever.dataset().postingIds();
      for (int i = 0; i < deleted.size(); i++) {
        assertEquals(truth.get(i).get("id"), deleted.get(i).get("id"));
        assertTrue(truth.get(i).get("deletedAt").isIntegralNumber());
        assertTrue(truth.get(i).get("deletedBy").isTextual());
        assertFalse(live.contains(truth.get(i).get("id").asText()));
      }
      JsonNode full = walk(lever, "/postings/deleted", "", null).get(0);
      assertTrue(full.has("deletedAt") && full.has("deletedBy") && full.has("text"));
      assertFalse(full.has("content"), "same default projection as /postings");
      long at = truth.get(1).get("deletedAt").asLong();
      List<JsonNode> window =
          walk(
              lever, "/postings/deleted", "deleted_at_start=" + at + "&deleted_at_end=" + at, null);
      assertEquals(1, window.size(), "both bounds inclusive");
    }
  }

  @Test
  void deletingAPostingMovesItFromPostingsToDeletedPostingsAtTheClocksNow() throws Exception {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-11-20T10:00:00Z"));
    try (FakeLever lever = FakeLever.start(options(clock))) {
      FakeDataset data = lever.dataset();
      String posting = data.postingIds().get(2);
      clock.advance(Duration.ofMinutes(5));
      data.deletePosting(posting);
      assertTrue(
          walk(lever, "/postings", "confidentiality=all", null).stream()
              .noneMatch(p -> p.get("id").asText().equals(posting)));
      List<JsonNode> recent =
          walk(lever, "/postings/deleted", "deleted_at_start=" + clock.millis(), null);
      assertEquals(1, recent.size());
      assertEquals(posting, recent.get(0).get("id").asText());
      assertEquals(clock.millis(), recent.get(0).get("deletedAt").asLong());
      assertEquals(
          ReferenceGenerator.DELETED_POSTINGS + 1, data.records("deleted_postings").size());
      assertFalse(data.postingIds().contains(posting));
      assertThrows(IllegalArgumentException.class, () -> data.deletePosting(posting));
    }
  }

  @Test
  void whenSwitchedOffTheEndpointIsAnUnknownPath() throws Exception {
    try (FakeLever lever =
        FakeLever.start(
            options(new SteppedClock(Instant.now())).withDeletedPostingsEndpoint(false))) {
      Reply reply = get(lever, "/v1/postings/deleted", KEY);
      assertEquals(404, reply.status());
      assertEquals("ResourceNotFound", reply.body().get("code").asText());
      assertEquals(
          get(lever, "/v1/postings/nothing", KEY).body().get("code"), reply.body().get("code"));
      assertEquals(200, get(lever, "/v1/postings", KEY).status());
    }
  }

  @Test
  void aWindowLongerThanThirtyDaysIsRefused() throws Exception {
    try (FakeLever lever = FakeLever.start(options(new SteppedClock(Instant.now())))) {
      long day = Duration.ofDays(1).toMillis();
      long end = Instant.now().toEpochMilli();
      Reply thirty = get(lever, "/v1/postings/deleted?deleted_at_start=" + (end - 30 * day)
          + "&deleted_at_end=" + end, KEY);
      Reply longer = get(lever, "/v1/postings/deleted?deleted_at_start=" + (end - 30 * day - 1)
          + "&deleted_at_end=" + end, KEY);
      assertEquals(200, thirty.status());
      assertEquals(400, longer.status());
      assertEquals("BadRequest", longer.body().get("code").asText());
    }
  }
}
