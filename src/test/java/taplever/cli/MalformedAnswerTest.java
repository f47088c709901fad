package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import taplever.streams.LeverStreams;
import taplever.streams.StreamSpec;
import taplever.testing.FakeRuntime;
import taplever.testing.LeverScript;
import taplever.testing.ScriptedLeverServer;
import taplever.testing.TapFixture;
import taplever.testing.TapRun;

/**
 * A page whose records are not a list of keyed objects is never data: it is asked for again
 * within max_retry, then the run fails naming the endpoint and what was wrong, with none of its
 * records written and the stream's bookmark where it was.
 */
class MalformedAnswerTest {
  @RegisterExtension
  final ScriptedLeverServer fixture = new ScriptedLeverServer();
  private final LeverScript lever = fixture.script();
  private final TapFixture tap = fixture.tap();

  @BeforeEach
  void script() {
  }


  private TapRun sync(String... streams) {
    return TapRun.Setup.defaults().time(new FakeRuntime()).run("--config",
        tap.config("\"max_retry_seconds\": 30").toString(), "--catalog",
        tap.catalog(streams).toString());
  }

  private static void assertFailedOnAMalformedPage(TapRun run, String endpoint, String what,
      String stream) {
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("Lever's answers for " + endpoint + " were not a well-formed"
        + " page (the last: " + what + ")"), run::toString);
    assertEquals(List.of(), run.records(stream), "no record of a malformed page goes out");
    JsonNode bookmark = run.lastState().path("bookmarks").path(stream);
    assertFalse(bookmark.has("replication_key_value"), run::toString);
    assertFalse(bookmark.has("progress"), run::toString);
  }

  @Test
  void deletedPostingsAnsweringDataAsAnObjectFailsInsteadOfWritingRecordsWithoutAnId() {
    lever.on("/v1/postings/deleted", r -> LeverScript.json(200,
        "{\"data\": {\"x\": 1}, \"hasNext\": true, \"next\": \"t\"}"));

    TapRun run = sync("deleted_postings");

    assertFailedOnAMalformedPage(run, "/postings/deleted",
        "'data' is an object, not a list of records", "deleted_postings");
    assertTrue(lever.requestsTo("/v1/postings/deleted").size() > 1, "asked for again first");
  }

  static Stream<StreamSpec> topLevelStreams() {
    return LeverStreams.ALL.stream().filter(s -> !s.isChild());
  }

  /** Every list shape the registry declares: each top-level list, its envelope and keys. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("topLevelStreams")
  void aRecordWithoutItsKeyFailsTheStreamOfEveryListShape(StreamSpec spec) {
    List<String> at = spec.endpoint().get().recordsAt();
    String record = "{\"somethingElse\": 1}";
    String body = at.size() == 1 ? "[" + record + "]"
        : "{\"" + at.get(1) + "\": [" + record + "]}";
    lever.on("/v1" + spec.endpoint().get().path(), r -> LeverScript.json(200,
        "{\"" + at.get(0) + "\": " + body + ", \"hasNext\": false}"));

    TapRun run = sync(spec.name());

    assertFailedOnAMalformedPage(run, spec.endpoint().get().path(), "a record in '"
        + String.join(".", at) + "' has no '" + spec.keyProperties().get(0) + "'", spec.name());
  }

  @Test
  void aChildListWithoutKeysFailsAndNoneOfItsPageIsWritten() {
    lever.pages("/v1/opportunities", List.of("[{\"id\": \"o1\", \"updatedAt\": 1700000000000}]"));
    lever.on("/v1/opportunities/o1/offers", r -> LeverScript.json(200,
        "{\"data\": [{\"id\": \"f1\"}, {\"status\": \"sent\"}], \"hasNext\": false}"));

    TapRun run = sync("opportunity_offers");

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("Lever's answers for /opportunities/{id}/offers were not a"
        + " well-formed page (the last: a record in 'data' has no 'id')"), run::toString);
    assertEquals(List.of(), run.records("opportunity_offers"), "not even the keyed f1");
  }
}
