package taplever.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import taplever.fake.FakeDataset;
import taplever.streams.LeverStreams;

/**
 * Compares what the tap emitted with what the fake holds, after the documented conversions
 * (millisecond timestamps as RFC3339 UTC with milliseconds). Written apart from the tap's shaper
 * so the two cannot share a bug.
 */
final class GroundTruth {
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  private GroundTruth() {}

  /** The stream's key, from the registry: what a target upserts on. */
  static String keyOf(String stream, JsonNode record) {
    List<String> key = LeverStreams.find(stream).orElseThrow().keyProperties();
    List<String> parts = new ArrayList<>();
    // The fake holds epoch ms where the tap emits RFC3339: compare them as the tap writes them.
    key.forEach(k -> parts.add(k.endsWith("At") && record.path(k).isIntegralNumber()
        ? RFC3339.format(Instant.ofEpochMilli(record.get(k).asLong())) : record.path(k).asText()));
    return String.join("|", parts);
  }

  /**
   * What the fake holds for {@code stream}. Rows derived from a parent's arrays are built here
   * from the fake's parent records, with the parent's id and updatedAt beside each element.
   */
  static List<JsonNode> expected(FakeDataset truth, String stream) {
    Map<String, String[]> derived = Map.of(
        "opportunity_stage_changes", new String[] {"opportunities", "stageChanges", null, "opportunity"},
        "opportunity_tags", new String[] {"opportunities", "tags", "tag", "opportunity"},
        "opportunity_sources", new String[] {"opportunities", "sources", "source", "opportunity"},
        "opportunity_followers", new String[] {"opportunities", "followers", "userId", "opportunity"},
        "posting_tags", new String[] {"postings", "tags", "tag", "posting"},
        "requisition_postings", new String[] {"requisitions", "postings", "postingId", "requisition"});
    String[] d = derived.get(stream);
    if (d == null) {
      return new ArrayList<>(truth.records(stream));
    }
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode parent : truth.records(d[0])) {
      for (JsonNode element : parent.path(d[1])) {
        ObjectNode row = element.isObject() ? ((ObjectNode) element).deepCopy()
            : JsonNodeFactory.instance.objectNode().set(d[2], element);
        row.put(d[3] + "Id", parent.get("id").asText());
        row.set(d[3] + "UpdatedAt", parent.get("updatedAt"));
        rows.add(row);
      }
    }
    return rows;
  }

  static Map<String, JsonNode> byKey(String stream, List<? extends JsonNode> records) {
    Map<String, JsonNode> out = new TreeMap<>();
    records.forEach(r -> out.put(keyOf(stream, r), r));
    return out;
  }

  /** Every record of the fake exactly once, and each one's content equal. */
  static void assertDelivered(FakeDataset truth, String stream, List<JsonNode> emitted) {
    Map<String, JsonNode> expected = byKey(stream, expected(truth, stream));
    Map<String, JsonNode> actual = byKey(stream, emitted);
    if (stream.equals("contacts")) {
      // A contact comes once per opportunity of the person: several copies, all equal.
      assertEquals(truth.records("opportunities").size(), emitted.size(), stream + ": one per opportunity");
    } else {
      assertEquals(expected.size(), emitted.size(), stream + ": records emitted (duplicates?)");
    }
    assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()), stream + ": keys");
    List<String> problems = new ArrayList<>();
    expected.forEach((key, want) -> compare(stream + "/" + key, want, actual.get(key), problems));
    if (!problems.isEmpty()) {
      fail(stream + " content differs:\n" + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
    }
  }

  /** The emitted record holds every field it has as the fake holds it, timestamps converted. */
  static void compare(String path, JsonNode want, JsonNode got, List<String> problems) {
    if (got == null || got.isNull()) {
      if (want != null && !want.isNull()) {
        problems.add(path + ": missing, expected " + want);
      }
      return;
    }
    if (got.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = got.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        compare(path + "." + e.getKey(), want == null ? null : want.get(e.getKey()), e.getValue(), problems);
      }
      if (want != null && want.isObject()) {
        want.fieldNames().forEachRemaining(f -> {
          if (!got.has(f) && !want.get(f).isNull() && path.indexOf('.') > 0) {
            problems.add(path + "." + f + ": nested field dropped");
          }
        });
      }
      return;
    }
    if (got.isArray()) {
      if (want == null || !want.isArray() || want.size() != got.size()) {
        problems.add(path + ": array " + got + " vs " + want);
        return;
      }
      for (int i = 0; i < got.size(); i++) {
        compare(path + "[" + i + "]", want.get(i), got.get(i), problems);
      }
      return;
    }
    if (want == null) {
      problems.add(path + ": emitted " + got + " but the fake has nothing");
    } else if (got.isTextual() && want.isIntegralNumber()) {
      String expected = RFC3339.format(Instant.ofEpochMilli(want.asLong()));
      if (!got.asText().equals(expected)) {
        problems.add(path + ": " + got.asText() + " is not " + want + " as RFC3339");
      }
    } else if (got.isNumber() && want.isNumber()) {
      if (got.decimalValue().compareTo(want.decimalValue()) != 0) {
        problems.add(path + ": " + got + " vs " + want);
      }
    } else if (!got.equals(want)) {
      problems.add(path + ": " + got + " vs " + want);
    }
  }

  /** The fields each top-level record must keep: every non-null field of the fake's record. */
  static void assertTopLevelFieldsKept(String stream, List<? extends JsonNode> truth, List<JsonNode> emitted,
      JsonNode schema) {
    Map<String, JsonNode> got = byKey(stream, emitted);
    for (JsonNode want : truth) {
      JsonNode out = got.get(keyOf(stream, want));
      want.fieldNames().forEachRemaining(f -> {
        if (schema.path("properties").has(f) && !want.get(f).isNull() && !out.has(f)) {
          fail(stream + "/" + keyOf(stream, want) + ": field " + f + " was dropped");
        }
      });
    }
  }
}
