package taplever.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taplever.fake.FakeLeverClient.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code withNewFields}: Lever "adds fields tomorrow", on some records, once with a type clash. */
class SchemaDriftTest {
  private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

  private static FakeDataset data(boolean newFields) {
    return FakeDataset.generate(
        FakeLeverOptions.defaults()
            .withOpportunities(120)
            .withNewFields(newFields)
            .withClock(CLOCK));
  }

  @Test
  void byDefaultNoRecordCarriesANewField() throws Exception {
    String truth = groundTruth(data(false));
    assertFalse(truth.contains("brandNew"));
  }

  @Test
  void someOpportunitiesCarryANewTopLevelFieldAndANewNestedKey() throws Exception {
    List<ObjectNode> opportunities = data(true).records("opportunities");
    long top = opportunities.stream().filter(o -> o.has("brandNewField")).count();
    long nested = opportunities.stream().filter(o -> o.path("urls").has("brandNewNested")).count();
    assertTrue(top > 0 && top < opportunities.size(), "some records only: " + top);
    assertTrue(nested > 0 && nested < opportunities.size(), "some records only: " + nested);
    opportunities.stream()
        .filter(o -> o.has("brandNewField"))
        .forEach(o -> assertTrue(o.get("brandNewField").isTextual()));
    opportunities.stream()
        .filter(o -> o.path("urls").has("brandNewNested"))
        .forEach(o -> assertTrue(o.get("urls").get("brandNewNested").isTextual()));
  }

  @Test
  void onPostingsTheNewFieldIsAnIntegerOnSomeAndAStringOnOthers() throws Exception {
    try (FakeLever lever =
        FakeLever.start(
            FakeLeverOptions.defaults()
                .withOpportunities(60)
                .withRateLimit(false)
                .withNewFields(true))) {
      List<JsonNode> postings = walk(lever, "/postings", "confidentiality=all", null);
      assertTrue(postings.stream().anyMatch(p -> p.path("brandNewPriority").isIntegralNumber()));
      assertTrue(postings.stream().anyMatch(p -> p.path("brandNewPriority").isTextual()));
      assertTrue(postings.stream().anyMatch(p -> !p.has("brandNewPriority")));
    }
  }

  @Test
  void newFieldsAreAddedWithoutChangingAnythingElse() throws Exception {
    List<ObjectNode> plain = data(false).records("opportunities");
    List<ObjectNode> drifted = data(true).records("opportunities");
    assertEquals(plain.size(), drifted.size());
    for (int i = 0; i < plain.size(); i++) {
      ObjectNode stripped = drifted.get(i).deepCopy();
      stripped.remove("brandNewField");
      if (stripped.get("urls") instanceof ObjectNode urls) {
        urls.remove("brandNewNested");
      }
      assertEquals(plain.get(i), stripped);
    }
    assertEquals(groundTruth(data(true)), groundTruth(data(true)), "deterministic");
  }

  private static String groundTruth(FakeDataset data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    data.writeGroundTruth(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
