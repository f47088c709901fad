package taplever.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamShaperTest {

  @Test
  void numericStringsWhereLeverDocumentsNumbersBecomeNumbers() throws Exception {
    ObjectNode out = new Shaping("opportunity_files").shape(
        "{\"id\": \"f\", \"size\": \"1000\", \"uploadedAt\": \"1468953420000\"}", Optional.of("o1"));

    assertEquals(1000, out.get("size").asInt());
    assertTrue(out.get("size").isIntegralNumber());
    assertEquals("2016-07-19T18:37:00.000Z", out.get("uploadedAt").asText());
    assertEquals("o1", out.get("opportunityId").asText());
  }

  @Test
  void headcountMayBeTheStringUnlimited() throws Exception {
    Shaping shaping = new Shaping("requisitions");
    ObjectNode out = shaping.shape("{\"id\": \"r\", \"headcountTotal\": \"unlimited\","
        + " \"headcountHired\": \"unlimited\"}");

    assertEquals("unlimited", out.get("headcountTotal").asText());
    assertEquals("unlimited", out.get("headcountHired").asText());
    assertEquals(List.of(), shaping.warnings);
  }

  @Test
  void aValueOfTheWrongShapeBecomesNullWithOneWarning() throws Exception {
    Shaping shaping = new Shaping("users");
    ObjectNode a = shaping.shape("{\"id\": \"u\", \"linkedContactIds\": {\"a\": 1}}");
    shaping.shape("{\"id\": \"v\", \"linkedContactIds\": 7}");

    assertTrue(a.get("linkedContactIds").isNull());
    assertEquals(1, shaping.warnings.size(), shaping.warnings::toString);
  }

  @Test
  void integralDecimalsBecomeIntegersForIntegerFields() throws Exception {
    ObjectNode out = new Shaping("sources").shape("{\"text\": \"LinkedIn\", \"count\": 3.0}");

    assertEquals("3", out.get("count").toString());
  }

  @Test
  void decimalsKeepTheDigitsLeverSent() throws Exception {
    ObjectNode out = new Shaping("postings").shape("{\"id\": \"p\", \"salaryRange\":"
        + " {\"min\": 100000.50, \"max\": 1234567890123456789.25, \"currency\": \"USD\"}}");

    assertEquals("100000.50", out.at("/salaryRange/min").toString());
    assertEquals("1234567890123456789.25", out.at("/salaryRange/max").toString());
  }

  @Test
  void theParentsIdOverridesWhatLeverSentInItsPlace() throws Exception {
    ObjectNode out = new Shaping("candidate_offers").shape(
        "{\"id\": \"x\", \"candidateId\": \"stale\", \"status\": \"sent\"}", Optional.of("c1"));

    assertEquals("c1", out.get("candidateId").asText());
    assertEquals("sent", out.get("status").asText());
  }

  @Test
  void timestampsInEveryFormLeverUsesBecomeRfc3339() throws Exception {
    ObjectNode out = new Shaping("opportunities").shape("{\"id\": \"o\", \"createdAt\": 1700000000000,"
        + " \"updatedAt\": \"1700000000001\", \"lastInteractionAt\": \"2024-05-01T12:00:00+02:00\","
        + " \"snoozedUntil\": \"\"}");

    assertEquals("2023-11-14T22:13:20.000Z", out.get("createdAt").asText());
    assertEquals("2023-11-14T22:13:20.001Z", out.get("updatedAt").asText());
    assertEquals("2024-05-01T10:00:00.000Z", out.get("lastInteractionAt").asText());
    assertTrue(out.get("snoozedUntil").isNull());
  }

  @Test
  void freeFormObjectsPassAsLeverSentThem() throws Exception {
    ObjectNode out = new Shaping("requisitions").shape("{\"id\": \"r\", \"customFields\":"
        + " {\"cost_center\": \"R&D\", \"budget\": {\"amount\": 12.50, \"approved\": true}}}");

    assertEquals("{\"cost_center\":\"R&D\",\"budget\":{\"amount\":12.50,\"approved\":true}}",
        out.get("customFields").toString());
  }

  @Test
  void aDeclaredFieldThatIsAbsentStaysAbsent() throws Exception {
    ObjectNode out = new Shaping("users").shape("{\"id\": \"u\"}");

    assertFalse(out.has("name"));
  }
}
