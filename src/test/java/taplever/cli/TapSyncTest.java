package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import taplever.streams.Cursor;
import taplever.streams.LeverStreams;
import taplever.streams.StreamSpec;
import taplever.testing.LeverScript;
import taplever.testing.ScriptedLeverServer;
import taplever.testing.TapFixture;
import taplever.testing.TapRun;

class TapSyncTest {
  private static final String STATE_MARK = "\"replication_key\": \"updatedAt\","
      + " \"replication_key_value\": \"2024-01-01T00:00:00.000Z\"";
  @RegisterExtension
  final ScriptedLeverServer fixture = new ScriptedLeverServer();
  private final LeverScript lever = fixture.script();
  private final TapFixture tap = fixture.tap();

  @BeforeEach
  void script() {
  }


  static Stream<StreamSpec> topLevelStreams() {
    return LeverStreams.ALL.stream().filter(s -> !s.isChild());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topLevelStreams")
  void eachTopLevelStreamReadsItsEndpointWithItsParametersAndBasicAuth(StreamSpec spec) {
    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog(spec.name()).toString());

    assertEquals(0, run.exitCode(), run::toString);
    // Requisitions read their field definitions first (custom field dates): find the stream's own.
    List<RecordedRequest> own = lever.requestsTo("/v1" + spec.endpoint().get().path());
    boolean capped = spec.cursor().map(c -> c.filter() instanceof Cursor.ServerWindow w
        && w.longest().isPresent()).orElse(false);
    // A stream whose windows Lever caps reads the years since start_date in several windows.
    assertEquals(true, capped ? own.size() > 1 : own.size() == 1, lever.requests()::toString);
    RecordedRequest request = own.get(0);
    assertEquals("100", request.getUrl().queryParameter("limit"));
    spec.endpoint().get().params().forEach((name, values) ->
        assertEquals(values, request.getUrl().queryParameterValues(name), name));
    String basic = Base64.getEncoder().encodeToString((TapFixture.API_KEY + ":").getBytes(StandardCharsets.UTF_8));
    assertEquals("Basic " + basic, request.getHeaders().get("Authorization"));
    assertTrue(request.getHeaders().get("User-Agent").startsWith("tap-lever/"));
  }

  @Test
  void followsNextTokensOverThreePagesSendingEachTokenEncodedExactlyOnce() {
    lever.pages("/v1/users", List.of(
        "[{\"id\": \"u1\", \"name\": \"Zoë\"}]", "[{\"id\": \"u2\"}]", "[{\"id\": \"u3\"}]"));

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog", tap.catalog("users").toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(List.of("u1", "u2", "u3"), run.records("users").stream().map(r -> r.get("id").asText()).toList());
    List<RecordedRequest> requests = lever.requestsTo("/v1/users");
    assertEquals(3, requests.size());
    assertTrue(requests.get(1).getTarget().contains("offset=%255B1%252C1001%252C%2522a%252Fb%2Bc%2522%255D"),
        requests.get(1).getTarget());
    assertEquals("Zoë", run.records("users").get(0).get("name").asText());
  }

  @Test
  void writesSchemaBeforeRecordsAndStateAfterThem() {
    lever.pages("/v1/stages", List.of("[{\"id\": \"lead-new\", \"text\": \"New lead\"}]"));

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog", tap.catalog("stages").toString());

    List<String> types = run.messages().stream().map(m -> m.get("type").asText()).toList();
    assertEquals(List.of("STATE", "SCHEMA", "RECORD", "STATE", "STATE"), types, run::toString);
    JsonNode schema = run.messages().get(1);
    assertEquals("[\"id\"]", schema.get("key_properties").toString());
    assertTrue(run.messages().get(2).get("time_extracted").asText().endsWith("Z"));
    assertTrue(run.lastState().get("currently_syncing").isNull());
  }

  @Test
  void convertsEveryMillisecondTimestampToRfc3339UtcWithMilliseconds() {
    lever.pages("/v1/opportunities", List.of("[{\"id\": \"o1\", \"createdAt\": 1700000000123,"
        + " \"updatedAt\": \"1700000000124\", \"stageChanges\": [{\"toStageId\": \"s\", \"toStageIndex\": 2,"
        + " \"updatedAt\": 1600000000000}], \"archived\": null, \"tags\": [\"a\"]}]"));

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog", tap.catalog("opportunities").toString());

    JsonNode record = run.records("opportunities").get(0);
    assertEquals("2023-11-14T22:13:20.123Z", record.get("createdAt").asText(), run::toString);
    assertEquals("2023-11-14T22:13:20.124Z", record.get("updatedAt").asText());
    assertEquals("2020-09-13T12:26:40.000Z", record.at("/stageChanges/0/updatedAt").asText());
    assertTrue(record.at("/stageChanges/0/toStageIndex").isIntegralNumber());
    assertTrue(record.get("archived").isNull());
  }

  @Test
  void firstSyncReadsOpportunitiesWithoutTheUpdatedFilterSoRecordsWithoutUpdatedAtAreKept() {
    long before = java.time.Instant.parse("2019-06-01T00:00:00Z").toEpochMilli();
    long after = java.time.Instant.parse("2021-06-01T00:00:00Z").toEpochMilli();
    lever.pages("/v1/opportunities", List.of("[{\"id\": \"old\", \"createdAt\": " + before + ", \"updatedAt\": " + before + "},"
        + " {\"id\": \"never-updated-new\", \"createdAt\": " + after + "},"
        + " {\"id\": \"never-updated-old\", \"createdAt\": " + before + "},"
        + " {\"id\": \"fresh\", \"createdAt\": " + before + ", \"updatedAt\": " + after + "}]"));

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog", tap.catalog("opportunities").toString());

    assertEquals(List.of("never-updated-new", "fresh"),
        run.records("opportunities").stream().map(r -> r.get("id").asText()).toList(), run::toString);
    assertNull(lever.requests().get(0).getUrl().queryParameter("updated_at_start"));
    assertEquals("all", lever.requests().get(0).getUrl().queryParameter("confidentiality"));
    JsonNode bookmark = run.lastState().at("/bookmarks/opportunities");
    assertEquals("2021-06-01T00:00:00.000Z", bookmark.get("replication_key_value").asText());
    assertEquals("updatedAt", bookmark.get("replication_key").asText());
  }

  @Test
  void laterSyncsFilterOnLeversSideFromTheBookmarkUpToTheSyncStart() {
    Path state = tap.file("state.json",
        "{\"bookmarks\": {\"opportunities\": {\"replication_key_value\": \"2024-01-01T00:00:00Z\"}}}");
    long t = java.time.Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
    lever.pages("/v1/opportunities", List.of("[{\"id\": \"o1\", \"updatedAt\": " + t + "}]"));

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("opportunities").toString(), "--state", state.toString());

    RecordedRequest request = lever.requests().get(0);
    assertEquals("1704067200000", request.getUrl().queryParameter("updated_at_start"), run::toString);
    long end = Long.parseLong(request.getUrl().queryParameter("updated_at_end"));
    assertTrue(Math.abs(end - System.currentTimeMillis()) < 60_000);
    assertEquals("2024-02-01T00:00:00.000Z",
        run.lastState().at("/bookmarks/opportunities/replication_key_value").asText());
    assertEquals("2024-01-01T00:00:00.000Z",
        run.states().get(0).at("/bookmarks/opportunities/replication_key_value").asText(),
        "the input state is re-emitted first");
  }

  @Test
  void takesOverTheStitchTapsStateReadingOnceTheRecordsItsFilterNeverReturned() {
    lever.pages("/v1/opportunities", List.of("[{\"id\": \"old\", \"createdAt\": 1600000000000,"
        + " \"updatedAt\": 1600000000000}, {\"id\": \"keyless\", \"createdAt\": 1600000000000},"
        + " {\"id\": \"new\", \"createdAt\": 1600000000000, \"updatedAt\": 1710000000000}]"));
    Path state = tap.file("state.json",
        "{\"bookmarks\": {\"opportunities\": {\"field\": \"updatedAt\", \"last_record\": \"2024-01-01T00:00:00Z\"}}}");

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("opportunities").toString(), "--state", state.toString());

    assertEquals(0, run.exitCode(), run::toString);
    // The Stitch tap filtered on updated_at, which never returns opportunities without updatedAt:
    // the first run on its state reads without the filter and delivers those once.
    assertNull(lever.requests().get(0).getUrl().queryParameter("updated_at_start"));
    assertEquals(List.of("keyless", "new"),
        run.records("opportunities").stream().map(r -> r.get("id").asText()).toList());
    JsonNode mark = run.lastState().at("/bookmarks/opportunities");
    assertEquals("2024-03-09T16:00:00.000Z", mark.path("replication_key_value").asText(), run::toString);
    assertFalse(mark.has("keyless_pending"));

    TapRun next = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("opportunities").toString(), "--state",
        tap.file("state2.json", run.lastState().toString()).toString());
    assertEquals("1710000000000", lever.requests().get(1).getUrl().queryParameter("updated_at_start"),
        next::toString);
  }

  @Test
  void anInterruptedRunResumesAtThePageAfterTheLastOneItsStateCovers() {
    lever.pages("/v1/users", List.of("[{\"id\": \"u1\"}]", "[{\"id\": \"u2\"}]", "[{\"id\": \"u3\"}]"));
    TapRun full = TapRun.of("--config", tap.config().toString(), "--catalog", tap.catalog("users").toString());
    JsonNode afterFirstPage = full.states().get(1);
    assertEquals(LeverScript.token(1), afterFirstPage.at("/bookmarks/users/progress/offset").asText(), full::toString);
    Path state = tap.file("state.json", afterFirstPage.toString());

    TapRun resumed = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("users").toString(), "--state", state.toString());

    assertEquals(List.of("u2", "u3"), resumed.records("users").stream().map(r -> r.get("id").asText()).toList(),
        resumed::toString);
    assertFalse(resumed.lastState().at("/bookmarks/users").has("progress"));
  }

  @Test
  void aStaleOffsetTokenRestartsTheWindowInsteadOfSkippingIt() {
    lever.on("/v1/users", r -> r.getUrl().queryParameter("offset") != null
        ? LeverScript.json(400, "{\"code\": \"BadRequest\", \"message\": \"Invalid offset token: Offset token is invalid for sort\"}")
        : LeverScript.json(200, "{\"data\": [{\"id\": \"u1\"}, {\"id\": \"u2\"}], \"hasNext\": false}"));
    Path state = tap.file("state.json", "{\"bookmarks\": {\"users\": {\"progress\": {\"window_end\":"
        + " \"2024-01-01T00:00:00Z\", \"offset\": \"stale\"}}}}");

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("users").toString(), "--state", state.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(2, run.records("users").size());
    assertTrue(run.stderr().contains("re-reading the window"), run::toString);
  }

  @Test
  void aContactHeldOnlyByIdIsReadFromLeversContactEndpoint() {
    lever.pages("/v1/opportunities", List.of("[{\"id\": \"o1\", \"updatedAt\": 1700000000000,"
        + " \"contact\": \"c1\"}, {\"id\": \"o2\", \"updatedAt\": 1700000000000,"
        + " \"contact\": null}]"));
    lever.on("/v1/contacts/c1", r -> LeverScript.json(200,
        "{\"data\": {\"id\": \"c1\", \"name\": \"Ana\", \"emails\": [\"ana@example.com\"]}}"));

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("contacts").toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(List.of("c1"), run.records("contacts").stream().map(r -> r.get("id").asText())
        .toList(), run::toString);
    assertEquals(1, lever.requestsTo("/v1/contacts/c1").size());
    assertTrue(run.stderr().contains("contacts: records not delivered: 1 ('contact' was null: 1)"),
        run::toString);
  }

  @Test
  void aNextTokenLongerThanAStateHoldsFailsTheRunInsteadOfBeingSaved() {
    lever.on("/v1/users", r -> LeverScript.json(200, "{\"data\": [{\"id\": \"u1\"}],"
        + " \"hasNext\": true, \"next\": \"" + "7".repeat(5000) + "\"}"));

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("users").toString());

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("Lever gave a next token of 5000 characters for /users"),
        run::toString);
    assertEquals(List.of(), run.records("users"), "the page it came with is not delivered either");
  }

  /** A saved token the server chokes on: the connection dropped, or the URL refused. */
  static Stream<String> tokensLeverWillNotServe() {
    return Stream.of("dropped", "414", "400");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokensLeverWillNotServe")
  void aSavedTokenLeverWillNotServeIsReReadFromTheWindowsStartAfterAFewTries(String how) {
    lever.on("/v1/users", r -> r.getUrl().queryParameter("offset") == null
        ? LeverScript.json(200, "{\"data\": [{\"id\": \"u1\"}, {\"id\": \"u2\"}], \"hasNext\": false}")
        : how.equals("dropped")
            ? new mockwebserver3.MockResponse.Builder()
                .onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build()
            : LeverScript.json(Integer.parseInt(how), "{\"code\": \"BadRequest\"}"));
    Path state = tap.file("state.json", "{\"bookmarks\": {\"users\": {\"progress\": {\"window_end\":"
        + " \"2024-01-01T00:00:00Z\", \"offset\": \"" + "9".repeat(4000) + "\"}}}}");

    TapRun run = TapRun.Setup.defaults().time(new taplever.testing.FakeRuntime()).run("--config",
        tap.config("\"max_retry_seconds\": 600").toString(), "--catalog",
        tap.catalog("users").toString(), "--state", state.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(List.of("u1", "u2"), run.records("users").stream().map(r -> r.get("id").asText())
        .toList(), run::toString);
    assertTrue(run.stderr().contains("re-reading the window from its start"), run::toString);
    long resumed = lever.requestsTo("/v1/users").stream()
        .filter(r -> r.getUrl().queryParameter("offset") != null).count();
    assertTrue(resumed >= 1 && resumed <= taplever.http.PageSource.RESUME_TRIES * 2,
        "a few tries, not max_retry's worth: " + resumed);
  }

  @Test
  void keepsOnlySelectedFieldsButAlwaysTheKeys() {
    lever.pages("/v1/users", List.of("[{\"id\": \"u1\", \"name\": \"A\", \"email\": \"a@x\", \"brandNewField\": 1}]"));
    Path catalog = tap.file("catalog.json", "{\"streams\": [{\"tap_stream_id\": \"users\", \"schema\": {},"
        + " \"metadata\": [{\"breadcrumb\": [], \"metadata\": {\"selected\": \"true\"}},"
        + " {\"breadcrumb\": [\"properties\", \"name\"], \"metadata\": {\"selected\": false}},"
        + " {\"breadcrumb\": [\"properties\", \"id\"], \"metadata\": {\"selected\": false}}]}]}");

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog", catalog.toString());

    JsonNode record = run.records("users").get(0);
    assertEquals("u1", record.get("id").asText(), run::toString);
    assertEquals("a@x", record.get("email").asText());
    assertFalse(record.has("name"));
    assertEquals(1, record.get("brandNewField").asInt(), "a field Lever added is kept");
    List<JsonNode> schemas = run.messages().stream()
        .filter(m -> m.get("type").asText().equals("SCHEMA")).toList();
    assertFalse(schemas.get(0).at("/schema/properties").has("name"));
    assertFalse(schemas.get(0).at("/schema/properties").has("brandNewField"));
    assertEquals("[\"null\",\"integer\"]",
        schemas.get(1).at("/schema/properties/brandNewField/type").toString(),
        "declared in a SCHEMA sent again before the record that carries it");
    assertTrue(run.stderr().contains("users.brandNewField first seen, kept"), run::toString);
  }

  /** Lever's text cannot forge our logs: a sync of users whose answers hold hostile text. */
  private TapRun syncUsers() {
    return TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("users").toString());
  }

  @Test
  void newFieldNamesAreEscapedInTheDriftWarningsAndTheSummary() {
    lever.pages("/v1/users", List.of("[{\"id\": \"u1\", \"a\\r\\nFAKE LOG LINE\": 1,"
        + " \"x\\u0000y\": 2, \"\\u202Eevil\": 3}]"));

    TapRun run = syncUsers();

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(1, run.records("users").get(0).get("a\r\nFAKE LOG LINE").asInt(),
        "the record keeps Lever's name as it is");
    String err = run.stderr();
    assertFalse(err.contains("\r"), "a raw CR on stderr");
    assertFalse(err.contains("\u0000"), "a raw NUL on stderr");
    assertFalse(err.contains("\u202E"), "a raw U+202E on stderr");
    assertTrue(err.lines().noneMatch(l -> l.startsWith("FAKE LOG LINE")), err);
    assertTrue(err.contains("WARN users.a\\r\\nFAKE LOG LINE first seen, kept;"), err);
    assertTrue(err.contains("WARN users.x\\u0000y first seen, kept;"), err);
    assertTrue(err.contains("WARN users.\\u202Eevil first seen, kept;"), err);
    assertTrue(err.contains("\n    users (3): a\\r\\nFAKE LOG LINE, x\\u0000y, \\u202Eevil\n"),
        err);
  }

  @Test
  void nineThousandNewFieldsGiveABoundedNumberOfBoundedLines() {
    StringBuilder record = new StringBuilder("[{\"id\": \"u1\"");
    for (int i = 0; i < 9_000; i++) {
      record.append(", \"brandNew").append(i).append("\": ").append(i);
    }
    lever.pages("/v1/users", List.of(record.append("}]").toString()));

    TapRun run = syncUsers();

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(9_000, run.records("users").get(0).size() - 1, "every field is kept");
    List<String> lines = run.stderr().lines().toList();
    long drift = lines.stream().filter(l -> l.startsWith("WARN users.")
        || l.startsWith("WARN stream users: Lever sent more than")).count();
    assertEquals(21, drift, "20 named fields and one line saying there are more");
    int longest = lines.stream().mapToInt(String::length).max().orElse(0);
    assertTrue(longest < 1_000, "longest stderr line: " + longest + " chars");
    assertTrue(run.stderr().length() < 16_000, run.stderr().length() + " chars of stderr");
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("    users (9,000): brandNew0, brandNew1,")
        && l.matches(".*, \\+8,9\\d\\d more")), run::toString);
  }

  @Test
  void leversErrorMessageIsEscapedAndCutInTheLastLine() {
    lever.on("/v1/users", r -> LeverScript.json(422, "{\"code\": \"Bad\", \"message\": \"no"
        + "\\u2028CRITICAL tap-lever: forged\\u0000\\u001b[2J\\u202E" + "x".repeat(10_000) + "\"}"));

    TapRun run = syncUsers();

    assertEquals(1, run.exitCode(), run::toString);
    String err = run.stderr();
    for (String raw : List.of("\u2028", "\u0000", "\u001b", "\u202E")) {
      assertFalse(err.contains(raw), "raw U+" + Integer.toHexString(raw.charAt(0)) + ": " + err);
    }
    List<String> critical = err.lines().filter(l -> l.contains("CRITICAL")).toList();
    assertEquals(1, critical.size(), err);
    assertTrue(critical.get(0).startsWith("CRITICAL tap-lever: "), err);
    assertTrue(critical.get(0).contains("Bad: no\\u2028CRITICAL tap-lever: forged\\u0000\\u001B[2J"
        + "\\u202Exxx"), err);
    assertTrue(critical.get(0).length() < 1_000, critical.get(0).length() + " chars");
  }

  @Test
  void theLegacySchemaLevelSelectedFlagSelectsAStream() {
    Path catalog = tap.file("catalog.json",
        "{\"streams\": [{\"tap_stream_id\": \"tags\", \"schema\": {\"selected\": true}}]}");

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog", catalog.toString());

    assertEquals("/v1/tags", lever.requests().get(0).getUrl().encodedPath(), run::toString);
  }

  @Test
  void withoutACatalogTheDefaultStreamsAreSynced() {
    TapRun run = TapRun.of("--config", tap.config().toString());

    assertEquals(0, run.exitCode(), run::toString);
    List<String> paths = lever.requests().stream().map(r -> r.getUrl().encodedPath()).distinct().toList();
    assertTrue(paths.contains("/v1/opportunities"));
    assertTrue(paths.contains("/v1/users"));
    assertFalse(paths.contains("/v1/candidates"), "deprecated candidates are not selected by default");
    assertFalse(paths.contains("/v1/audit_events"));
  }

  @Test
  void anAuditEvents403IsAWarningNotAFailure() {
    lever.on("/v1/audit_events", r -> LeverScript.json(403, "{\"code\": \"Forbidden\", \"message\": \"no\"}"));

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog", tap.catalog("audit_events", "tags").toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("audit_events"));
    assertEquals(1, lever.requestsTo("/v1/tags").size());
  }

  @Test
  void a403NamesTheMissingScopeAndExits1() {
    lever.on("/v1/postings", r -> LeverScript.json(403, "{\"code\": \"Forbidden\", \"message\": \"no\"}"));

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog", tap.catalog("postings").toString());

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("postings:read:admin"), run::toString);
    assertFalse(run.stderr().contains("at taplever."), "no stack trace");
  }

  @Test
  void a401SaysLeverRejectedTheCredentialsAndExits1() {
    lever.on("/v1/tags", r -> LeverScript.json(401, "{\"code\": \"Unauthorized\", \"message\": \"no\"}"));

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog", tap.catalog("tags").toString());

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("Lever rejected the credentials"), run::toString);
    assertFalse(run.stderr().contains(TapFixture.API_KEY));
    assertFalse(run.stdout().contains(TapFixture.API_KEY));
  }

  @Test
  void hashingMasksEverySignerOfAnOfferNotOnlyTheCandidate() {
    lever.on("/v1/opportunities", r -> LeverScript.json(200, "{\"data\": [{\"id\": \"o1\","
        + " \"createdAt\": 1600000000000, \"updatedAt\": 1600000000000}], \"hasNext\": false}"));
    lever.on("/v1/opportunities/o1/offers", r -> LeverScript.json(200, "{\"data\": [{\"id\":"
        + " \"f1\", \"createdAt\": 1600000000000, \"signatures\": {\"candidate\": {\"name\":"
        + " \"Pat Doe\", \"email\": \"pat@leak.example\"}, \"hiringManager\": {\"name\":"
        + " \"Jane Roe\", \"email\": \"jane@leak.example\"}}}], \"hasNext\": false}"));

    TapRun run = TapRun.Setup.defaults().environment(java.util.Map.of("S", "salt"))
        .run("--config", tap.config("\"pii\": {\"mode\": \"hash\", \"salt_env\": \"S\"}").toString(),
            "--catalog", tap.catalog("opportunity_offers").toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(1, run.records("opportunity_offers").size());
    assertFalse(run.stdout().contains("leak.example"), run::toString);
    assertFalse(run.stdout().contains("Jane Roe"), run::toString);
  }

  /** A rolling refresh of the offers with {@code field} replaced by {@code value}. */
  private static String rollingState(String field, String value) {
    String[][] fields = {{"cycle_start", "\"2026-01-01T00:00:00Z\""},
        {"position", "\"2026-01-01T00:00:00Z\""}, {"window_seconds", "86400"}, {"done", "0"},
        {"total", "0"}, {"last_run", "\"2026-01-01T00:00:00Z\""}};
    StringBuilder r = new StringBuilder();
    for (String[] f : fields) {
      r.append(r.length() == 0 ? "" : ", ").append('"').append(f[0]).append("\": ")
          .append(f[0].equals(field) ? value : f[1]);
    }
    return "{\"bookmarks\": {\"opportunities\": {" + STATE_MARK + "}, \"opportunity_offers\": {"
        + STATE_MARK + ", \"rolling_refresh\": {" + r + "}}}}";
  }

  /**
   * States the red team found accepted, then failing mid-sync with an internal error after records
   * were written: each is now refused at load, before any request, naming the stream and the key.
   */
  static Stream<Arguments> statesOutOfRange() {
    String where = "of 'opportunity_offers rolling_refresh'";
    return Stream.of(
        Arguments.of("window_seconds Long.MAX_VALUE", rollingState("window_seconds",
            "9223372036854775807"), "'window_seconds' " + where),
        Arguments.of("window_seconds 1e30", rollingState("window_seconds", "1e30"),
            "'window_seconds' " + where),
        Arguments.of("position in year +999999999", rollingState("position",
            "\"+999999999-12-31T23:59:59Z\""), "'position' " + where),
        Arguments.of("cycle_start in year +999999999, total 0", rollingState("cycle_start",
            "\"+999999999-12-31T23:59:59Z\""), "'cycle_start' " + where),
        Arguments.of("cycle_start in year -999999999, total 0", rollingState("cycle_start",
            "\"-999999999-01-01T00:00:00Z\""), "'cycle_start' " + where),
        Arguments.of("a 1 MB progress.offset", "{\"bookmarks\": {\"opportunities\": {" + STATE_MARK
            + ", \"progress\": {\"window_start\": \"2024-01-01T00:00:00Z\", \"window_end\":"
            + " \"2024-06-01T00:00:00Z\", \"offset\": \"" + "x".repeat(1_000_000) + "\"}}}}",
            "'progress.offset' of 'opportunities'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statesOutOfRange")
  void aStateOutOfRangeExits2BeforeAnyRequestNamingTheStreamAndKey(String name, String state,
      String expected) {
    // A Lever with records, so a state that is wrongly accepted gets far into the sync.
    lever.pages("/v1/opportunities", List.of("[{\"id\": \"o1\", \"createdAt\": 1704067200000,"
        + " \"updatedAt\": 1710000000000, \"archived\": null}]"));

    TapRun run = TapRun.of("--config", tap.config().toString(), "--catalog",
        tap.catalog("opportunities", "opportunity_offers").toString(), "--state",
        tap.file("state.json", state).toString());

    assertEquals(2, run.exitCode(), run::toString);
    assertEquals("", run.stdout(), "nothing on stdout");
    List<String> critical = Arrays.stream(run.stderr().split("\n"))
        .filter(l -> l.startsWith("CRITICAL")).toList();
    assertEquals(1, critical.size(), run::toString);
    assertTrue(critical.get(0).contains(expected), () -> "expected '" + expected + "' in " + run);
    assertFalse(run.stderr().contains("internal error"), run::toString);
    assertEquals(List.of(), lever.requests(), "no request was made");
  }
}
