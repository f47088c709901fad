package taplever.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import taplever.catalog.StreamSelection;
import taplever.streams.LeverStreams;
import taplever.streams.SchemaRepository;
import taplever.streams.StreamSpec;

class RecordShaperTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SchemaRepository schemas = new SchemaRepository(JSON);
  private final List<String> warnings = new ArrayList<>();

  private RecordShaper shaper(String stream) {
    StreamSpec spec = LeverStreams.find(stream).orElseThrow();
    ObjectNode schema = schemas.schema(stream);
    java.util.Set<String> fields = new java.util.HashSet<>();
    schema.get("properties").fieldNames().forEachRemaining(fields::add);
    return new RecordShaper(new StreamSelection(spec, spec.defaultMethod(), fields, schema), warnings::add);
  }

  private ObjectNode parse(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void numericStringsWhereLeverDocumentsNumbersBecomeNumbers() throws Exception {
    ObjectNode out = shaper("opportunity_files").shape(
        parse("{\"id\": \"f\", \"size\": \"1000\", \"uploadedAt\": \"1468953420000\"}"), Optional.of("o1"));

    assertEquals(1000, out.get("size").asInt());
    assertTrue(out.get("size").isIntegralNumber());
    assertEquals("2016-07-19T18:37:00.000Z", out.get("uploadedAt").asText());
    assertEquals("o1", out.get("opportunityId").asText());
  }

  @Test
  void headcountMayBeTheStringUnlimited() throws Exception {
    ObjectNode out = shaper("requisitions").shape(parse("{\"id\": \"r\", \"headcountTotal\": \"unlimited\"}"), Optional.empty());

    assertEquals("unlimited", out.get("headcountTotal").asText());
    assertEquals(List.of(), warnings);
  }

  @Test
  void aValueOfTheWrongShapeBecomesNullWithOneWarning() throws Exception {
    RecordShaper shaper = shaper("users");
    ObjectNode a = shaper.shape(parse("{\"id\": \"u\", \"linkedContactIds\": {\"a\": 1}}"), Optional.empty());
    shaper.shape(parse("{\"id\": \"v\", \"linkedContactIds\": 7}"), Optional.empty());

    assertTrue(a.get("linkedContactIds").isNull());
    assertEquals(1, warnings.size(), warnings::toString);
  }

  @Test
  void integralDecimalsBecomeIntegersForIntegerFields() throws Exception {
    ObjectNode out = shaper("sources").shape(parse("{\"text\": \"LinkedIn\", \"count\": 3.0}"), Optional.empty());

    assertEquals("3", out.get("count").toString());
  }
}
