package taplever.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taplever.fake.FakeLeverClient.KEY;
import static taplever.fake.FakeLeverClient.encode;
import static taplever.fake.FakeLeverClient.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import taplever.fake.FakeLeverClient.Reply;
import taplever.testing.SteppedClock;

/** {@code GET /eeo/responses/pii} (§7.16): its envelope, its default window and its rows. */
class EeoResponsesTest {
  private static final String PATH = "/v1/eeo/responses/pii";
  private static final String ALL_TIME = "created_at_start=0&created_at_end=" + Long.MAX_VALUE;
  private static final List<String> FIELDS =
      List.of(
          "applicationArchivedAt",
          "applicationArchivedBy",
          "appliedAt",
          "currentStage",
          "contact",
          "gender",
          "race",
          "veteran",
          "disability",
          "disabilitySignatureDate",
          "eeoSurveyRespondedAt",
          "hiredDate",
          "hiringManager",
          "opportunityId",
          "opportunityOwner",
          "origin",
          "posting",
          "requisitionCodes",
          "source");

  private static FakeLever start(SteppedClock clock) throws Exception {
    return FakeLever.start(
        FakeLeverOptions.defaults().withOpportunities(300).withRateLimit(false).withClock(clock));
  }

  /** Follows {@code next} through the EEO envelope. */
  private static List<JsonNode> walkEeo(FakeLever lever, String query) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    String offset = null;
    for (int page = 0; page < 1_000; page++) {
      String q = query + (offset == null ? "" : "&offset=" + encode(offset));
      Reply reply = get(lever, PATH + "?" + q, KEY);
      assertEquals(200, reply.status(), reply.body().toString());
      JsonNode data = reply.body().get("data");
      assertTrue(data.isObject(), "data is an object holding the array");
      data.get("eeoResponses").forEach(rows::add);
      assertFalse(data.has("hasNext"), "hasNext is at the top level");
      if (!reply.body().get("hasNext").asBoolean()) {
        assertFalse(reply.body().has("next"));
        return rows;
      }
      offset = reply.body().get("next").asText();
    }
    throw new AssertionError("pagination did not end");
  }

  @Test
  void pagesThroughEveryRowInTheEeoEnvelopeNewestFirst() throws Exception {
    try (FakeLever lever = start(new SteppedClock(Instant.parse("2026-11-20T10:00:00Z")))) {
      List<JsonNode> rows = walkEeo(lever, "limit=9&" + ALL_TIME);
      List<ObjectNode> truth = lever.dataset().records("eeo_responses");
      assertEquals(truth, rows);
      for (int i = 1; i < rows.size(); i++) {
        assertTrue(
            rows.get(i - 1).get("eeoSurveyRespondedAt").asLong()
                >= rows.get(i).get("eeoSurveyRespondedAt").asLong());
      }
      double share = (double) rows.size() / lever.dataset().opportunityIds().size();
      assertTrue(share > 0.3 && share < 0.5, "about 40% answered: " + share);
      Set<String> opportunities = new HashSet<>();
      for (JsonNode row : rows) {
        assertTrue(opportunities.add(row.get("opportunityId").asText()), "one per opportunity");
      }
    }
  }

  @Test
  void rowsHaveLeversFieldsAndTypesAndNoId() throws Exception {
    try (FakeLever lever = start(new SteppedClock(Instant.parse("2026-11-20T10:00:00Z")))) {
      List<JsonNode> rows = walkEeo(lever, ALL_TIME);
      boolean signed = false;
      for (JsonNode row : rows) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        assertEquals(FIELDS, names);
        assertTrue(row.get("appliedAt").isIntegralNumber());
        assertTrue(row.get("eeoSurveyRespondedAt").isIntegralNumber());
        assertTrue(row.get("requisitionCodes").isArray());
        assertTrue(row.get("hiredDate").isNull() || row.get("hiredDate").isIntegralNumber());
        JsonNode date = row.get("disabilitySignatureDate");
        assertTrue(date.isNull() || date.asText().matches("\\d\\d/\\d\\d/\\d{4}"), date.toString());
        signed |= date.isTextual();
        assertEquals(
            row.get("applicationArchivedAt").isNull(), row.get("applicationArchivedBy").isNull());
      }
      assertTrue(signed);
      assertTrue(rows.stream().anyMatch(r -> r.get("hiredDate").isIntegralNumber()));
    }
  }

  @Test
  void withoutBoundsTheWindowIsTheLastSevenDaysOfTheClock() throws Exception {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-11-20T10:00:00Z"));
    try (FakeLever lever = start(clock)) {
      assertEquals(List.of(), walkEeo(lever, "limit=5"), "generated answers are older");
      List<ObjectNode> truth = lever.dataset().records("eeo_responses");
      long newest = truth.get(0).get("eeoSurveyRespondedAt").asLong();
      clock.set(Instant.ofEpochMilli(newest + Duration.ofDays(7).toMillis()));
      List<JsonNode> week = walkEeo(lever, "");
      assertFalse(week.isEmpty());
      long from = clock.millis() - Duration.ofDays(7).toMillis();
      assertEquals(
          truth.stream().filter(r -> r.get("eeoSurveyRespondedAt").asLong() >= from).count(),
          week.size(),
          "start defaults to now - 7 days, inclusive");
      List<JsonNode> until = walkEeo(lever, "created_at_start=0&created_at_end=" + (newest - 1));
      assertEquals(
          truth.stream().filter(r -> r.get("eeoSurveyRespondedAt").asLong() <= newest - 1).count(),
          until.size());
      assertEquals(
          truth.size(),
          walkEeo(lever, "created_at_start=0&created_at_end=" + newest).size(),
          "end inclusive");
    }
  }

  @Test
  void newApplicantsAnswerNowAndArchivingShowsInTheirRow() throws Exception {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-11-20T10:00:00Z"));
    try (FakeLever lever = start(clock)) {
      FakeDataset data = lever.dataset();
      List<String> answered = new ArrayList<>();
      for (int i = 0; i < 40 && answered.size() < 3; i++) {
        String id = data.addOpportunity();
        if (walkEeo(lever, "").stream().anyMatch(r -> r.get("opportunityId").asText().equals(id))) {
          answered.add(id);
        }
      }
      assertEquals(3, answered.size(), "some new applicants answer the survey");
      JsonNode row = row(lever, answered.get(0));
      assertEquals(clock.millis(), row.get("eeoSurveyRespondedAt").asLong());
      assertTrue(row.get("applicationArchivedAt").isNull());

      clock.advance(Duration.ofHours(1));
      data.archiveOpportunity(answered.get(0));
      JsonNode archived = row(lever, answered.get(0));
      assertEquals(clock.millis(), archived.get("applicationArchivedAt").asLong());
      assertTrue(archived.get("applicationArchivedBy").isTextual());

      data.deleteOpportunity(answered.get(1));
      assertTrue(
          walkEeo(lever, "").stream()
              .noneMatch(r -> r.get("opportunityId").asText().equals(answered.get(1))),
          "a deleted opportunity's row goes");
    }
  }

  @Test
  void expandContactEmbedsTheContact() throws Exception {
    try (FakeLever lever = start(new SteppedClock(Instant.parse("2026-11-20T10:00:00Z")))) {
      JsonNode rows =
          get(lever, PATH + "?limit=5&expand=contact&" + ALL_TIME, KEY)
              .body()
              .get("data")
              .get("eeoResponses");
      assertEquals(5, rows.size());
      for (JsonNode row : rows) {
        assertTrue(row.get("contact").isObject());
        assertTrue(row.get("contact").get("emails").isArray());
      }
    }
  }

  private static JsonNode row(FakeLever lever, String opportunityId) throws Exception {
    return walkEeo(lever, "").stream()
        .filter(r -> r.get("opportunityId").asText().equals(opportunityId))
        .findFirst()
        .orElseThrow();
  }
}
