package taplever.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import taplever.error.LeverApiException;
import taplever.testing.RecordingLogs;

class EnvelopeReaderTest {
  private final RecordingLogs logs = new RecordingLogs();
  private final EnvelopeReader reader = new EnvelopeReader(LeverJson.pages(), logs.getLogger("t"));

  private Page<List<ObjectNode>> parse(String json) throws MalformedBodyException {
    return parse(json, List.of("data"));
  }

  private Page<List<ObjectNode>> parse(String json, List<String> recordsAt)
      throws MalformedBodyException {
    List<String> keys = recordsAt.size() > 1 ? List.of("opportunityId") : List.of("text");
    return read(json, new LeverRequest("/tags", "/tags", java.util.Map.of(), recordsAt, keys,
        false));
  }

  private Page<List<ObjectNode>> read(String json, LeverRequest request)
      throws MalformedBodyException {
    return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), request,
        new TreeRecords());
  }

  @Test
  void readsDataHasNextAndNext() throws Exception {
    var page = parse("{\"data\":[{\"text\":\"a\"},{\"text\":\"b\"}],\"hasNext\":true,"
        + "\"next\":\"%5B1%5D\"}");
    assertEquals(List.of("a", "b"), page.records().stream().map(r -> r.get("text").asText()).toList());
    assertEquals(Optional.of("%5B1%5D"), page.next());
    assertTrue(page.hasNext());
  }

  @Test
  void theEnvelopeMayComeInAnyOrder() throws Exception {
    var page = parse("{\"next\":\"t\",\"hasNext\":true,\"extra\":{\"x\":[1,2]},\"data\":[{\"text\":\"a\"}]}");
    assertEquals(1, page.records().size());
    assertEquals(Optional.of("t"), page.next());
  }

  @Test
  void aMissingHasNextMeansTheLastPage() throws Exception {
    var page = parse("{\"data\":[]}");
    assertFalse(page.hasNext());
    assertEquals(Optional.empty(), page.next());
  }

  @Test
  void nullEntriesAreSkippedWithAWarning() throws Exception {
    assertEquals(1, parse("{\"data\":[null,{\"text\":\"a\"},null]}").records().size());
    assertTrue(logs.text().contains("had 2 null entries"), logs.text());
  }

  @Test
  void aSingleObjectAsTheDataOfAListIsAMalformedPage() {
    MalformedBodyException e = assertThrows(MalformedBodyException.class,
        () -> parse("{\"data\":{\"text\":\"a\"},\"hasNext\":true}"));
    assertEquals("'data' is an object, not a list of records", e.getMessage());
  }

  @Test
  void aReadByIdTakesTheOneObjectAtData() throws Exception {
    LeverRequest one = new LeverRequest("/contacts/c1", "/contacts/{id}", java.util.Map.of(),
        List.of("data"), List.of("id"), true);
    assertEquals("c1", read("{\"data\":{\"id\":\"c1\",\"name\":\"N\"}}", one).records().get(0)
        .get("id").asText());
    for (String json : List.of("{\"data\":[{\"id\":\"c1\"}]}", "{\"data\":{\"name\":\"N\"}}",
        "{\"data\":null}")) {
      assertThrows(MalformedBodyException.class, () -> read(json, one), json);
    }
  }

  @Test
  void aRecordWithoutItsKeyIsAMalformedPageWhateverTheShape() {
    assertEquals("a record in 'data' has no 'text'", assertThrows(MalformedBodyException.class,
        () -> parse("{\"data\":[{\"text\":\"a\"},{\"other\":1}]}")).getMessage());
    assertEquals("a record in 'data' has no 'text'", assertThrows(MalformedBodyException.class,
        () -> parse("{\"data\":[{\"text\":null}]}")).getMessage());
    assertEquals("a record in 'data.eeoResponses' has no 'opportunityId'",
        assertThrows(MalformedBodyException.class, () -> parse("{\"data\":{\"eeoResponses\":"
            + "[{\"x\":{\"opportunityId\":\"nested, not the record's\"}}]}}",
            List.of("data", "eeoResponses"))).getMessage());
  }

  @Test
  void aKeyIsFoundHoweverTheSinkReadsTheRecord() throws Exception {
    RecordSink<Integer> byNextValue = new RecordSink<>() {
      @Override
      public void record(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
        while (p.nextValue() != com.fasterxml.jackson.core.JsonToken.END_OBJECT) {
          p.skipChildren();
        }
      }

      @Override
      public Integer page() {
        return 0;
      }
    };
    LeverRequest tags = new LeverRequest("/tags", "/tags", java.util.Map.of(), List.of("data"),
        List.of("text"), false);
    reader.read(new ByteArrayInputStream("{\"data\":[{\"a\":{\"text\":1},\"text\":\"t\"}]}"
        .getBytes(StandardCharsets.UTF_8)), tags, byNextValue);
    assertThrows(MalformedBodyException.class, () -> reader.read(new ByteArrayInputStream(
        "{\"data\":[{\"a\":{\"text\":1}}]}".getBytes(StandardCharsets.UTF_8)), tags,
        byNextValue));
  }

  @Test
  void theEeoEnvelopeHoldsItsRecordsOneLevelDown() throws Exception {
    var page = parse("{\"data\":{\"other\":1,\"eeoResponses\":[{\"opportunityId\":\"o1\"},"
        + "{\"opportunityId\":\"o2\"}]},\"hasNext\":false}", List.of("data", "eeoResponses"));
    assertEquals(List.of("o1", "o2"),
        page.records().stream().map(r -> r.get("opportunityId").asText()).toList());
  }

  @Test
  void aNonObjectEntryIsAMalformedPage() {
    MalformedBodyException e = assertThrows(MalformedBodyException.class,
        () -> parse("{\"data\":[{\"text\":\"a\"},\"b\"]}"));
    assertEquals("'data' holds a string, not a record", e.getMessage());
  }

  @Test
  void missingOrScalarDataIsAMalformedPage() {
    assertEquals("the answer has no 'data'", assertThrows(MalformedBodyException.class,
        () -> parse("{}")).getMessage());
    assertEquals("'data' is null, not a list of records", assertThrows(
        MalformedBodyException.class, () -> parse("{\"data\":null}")).getMessage());
    assertEquals("'data' is a number, not a list of records", assertThrows(
        MalformedBodyException.class, () -> parse("{\"data\":3}")).getMessage());
    assertEquals("the answer is a list, not an object", assertThrows(
        MalformedBodyException.class, () -> parse("[]")).getMessage());
  }

  @Test
  void aBodyCutShortOrNotJsonIsMalformedSoItIsFetchedAgain() {
    for (String json : List.of("{\"data\":[{\"text\":\"a\"},{\"te", "{\"data\":[]} {}", "<html>",
        "")) {
      assertThrows(MalformedBodyException.class, () -> parse(json), json);
    }
  }

  @Test
  void aHasNextThatIsNotAFlagIsReadPastAndMeansNoNextPage() throws Exception {
    var page = parse("{\"hasNext\":{\"data\":[],\"x\":1},\"data\":[{\"text\":\"a\"}]}");
    assertEquals(1, page.records().size());
    assertFalse(page.hasNext());
  }

  @Test
  void aNumberTheSinkCannotTakeFailsOnceInsteadOfBeingFetchedAgain() {
    RecordSink<Integer> longs = new RecordSink<>() {
      @Override
      public void record(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
        p.nextToken();
        p.nextToken();
        p.getLongValue();
        p.skipChildren();
        p.nextToken();
      }

      @Override
      public Integer page() {
        return 0;
      }
    };
    LeverApiException e = assertThrows(LeverApiException.class, () -> reader.read(
        new ByteArrayInputStream("{\"data\":[{\"n\":99999999999999999999}]}".getBytes(
            StandardCharsets.UTF_8)), LeverRequest.of("/tags"), longs));
    assertTrue(e.getMessage().startsWith("Lever's answer for /tags holds a number the tap cannot"
        + " read"), e.getMessage());
  }

  @Test
  void aBrokenBodyKeepsWhatBrokeItAsTheCause() {
    MalformedBodyException e = assertThrows(MalformedBodyException.class,
        () -> parse("{\"data\":[{\"te"));
    assertInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class, e.getCause());
  }

  @Test
  void aStringPastTheLimitNamesTheLimitAndTheEndpointInsteadOfRetrying() {
    String huge = "x".repeat(LeverJson.MAX_STRING_LENGTH + 1);
    LeverApiException e = assertThrows(LeverApiException.class,
        () -> parse("{\"data\":[{\"text\":\"" + huge + "\"}]}"));
    assertTrue(e.getMessage().startsWith("Lever's answer for /tags is beyond what the tap reads"
        + " in one value (String value length"), e.getMessage());
    assertTrue(e.getMessage().contains("100000000"), e.getMessage());
  }

  @Test
  void aStringOverJacksonsDefaultLimitIsRead() throws Exception {
    String big = "y".repeat(25_000_000);
    assertEquals(big.length(),
        parse("{\"data\":[{\"text\":\"" + big + "\"}]}").records().get(0).get("text").asText().length());
  }

  @Test
  void hasNextWithAnEmptyNextIsAnErrorOfThePaginator() {
    LeverApiException e = assertThrows(LeverApiException.class,
        () -> new CursorPaginator<List<ObjectNode>>(offset -> {
          try {
            return parse("{\"data\":[],\"hasNext\":true,\"next\":\"\"}");
          } catch (MalformedBodyException ex) {
            throw new AssertionError(ex);
          }
        }, "/tags", Optional.empty()).nextPage());
    assertEquals("Lever said hasNext but gave no next token for /tags", e.getMessage());
  }
}
