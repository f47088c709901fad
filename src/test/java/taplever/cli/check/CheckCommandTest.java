package taplever.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taplever.fake.FakeLever;
import taplever.fake.FakeLeverOptions;
import taplever.streams.LeverStreams;
import taplever.testing.Catalogs;
import taplever.testing.FakeRuntime;
import taplever.testing.TapRun;
import taplever.testing.TempFiles;

/** {@code tap-lever check} against the fake Lever: one request per stream, a table, an exit code. */
class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] ALL = LeverStreams.BY_NAME.keySet().toArray(String[]::new);

  @TempDir
  Path dir;
  private FakeLever fake;

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  private FakeLever start(FakeLeverOptions options) throws Exception {
    fake = FakeLever.start(options.withRateLimit(false));
    return fake;
  }

  private static FakeLeverOptions small() {
    return FakeLeverOptions.defaults().withOpportunities(12);
  }

  private Path config(String credentials) {
    return new TempFiles(dir).write("config.json", "{\"base_url\": \"" + fake.baseUrl() + "\", "
        + credentials + ", \"start_date\": \"2000-01-01T00:00:00Z\", \"max_retry_seconds\": 2,"
        + " \"read_timeout_seconds\": 5}");
  }

  private Path apiKeyConfig() {
    return config("\"api_key\": \"fake-api-key\"");
  }

  private Path oauthConfig() {
    return config("\"client_id\": \"fake-client-id\", \"client_secret\": \"fake-client-secret\","
        + " \"refresh_token\": \"fake-refresh-0\", \"token_url\": \"" + fake.tokenUrl() + "\"");
  }

  private Path catalog(String... streams) {
    return new TempFiles(dir).write("catalog.json", Catalogs.selecting(streams));
  }

  private static TapRun check(Path config, String... more) {
    List<String> args = new ArrayList<>(List.of("check", "--config", config.toString()));
    args.addAll(List.of(more));
    return TapRun.of(args.toArray(String[]::new));
  }

  /** The table's rows: stream name to the rest of its line. */
  private static Map<String, String> rows(TapRun run) {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : run.stderr().split("\\R")) {
      String[] cells = line.strip().split("\\s{2,}", 2);
      if (line.startsWith("  ") && cells.length == 2 && LeverStreams.BY_NAME.containsKey(cells[0])) {
        rows.put(cells[0], cells[1]);
      }
    }
    return rows;
  }

  private List<String> dataRequests() {
    return fake.requestLog().stream().filter(r -> r.startsWith("GET /v1/")).toList();
  }

  @Test
  void everyStreamIsOkWithAKeyThatMayReadEverything() throws Exception {
    start(small());

    TapRun run = check(apiKeyConfig(), "--catalog", catalog(ALL).toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", run.stdout());
    Map<String, String> rows = rows(run);
    assertEquals(List.of(ALL), List.copyOf(rows.keySet()), run::toString);
    rows.forEach((stream, row) -> assertTrue(row.startsWith("OK"), stream + ": " + row));
    assertTrue(run.stderr().contains("tap-lever check: " + ALL.length + " of " + ALL.length
        + " selected streams readable"), run::toString);
    assertTrue(run.stderr().contains("Credentials: API key"), run::toString);
    assertTrue(run.stderr().contains("Region: us"), run::toString);
    assertTrue(run.stderr().contains("Host: http://127.0.0.1:" + fake.port()
        + System.lineSeparator()), run::toString);
    assertTrue(run.stderr().contains("Confidential data: readable (GET /opportunities?"
        + "confidentiality=all answered 200)"), run::toString);
    assertTrue(run.stderr().contains("method: Lever's documented access error"), run::toString);
  }

  @Test
  void eachRequestAsksForOneRecordTheWayTheSyncAsks() throws Exception {
    start(small());

    TapRun run = check(apiKeyConfig(), "--catalog", catalog(ALL).toString());

    assertEquals(0, run.exitCode(), run::toString);
    List<String> requests = dataRequests();
    assertTrue(requests.stream().allMatch(r -> r.contains("limit=1")), requests::toString);
    assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /v1/opportunities?")
        && r.contains("confidentiality=all") && r.contains("expand=applications")), requests::toString);
    assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /v1/opportunities?")
        && r.contains("expand=contact")), requests::toString);
    assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /v1/users?")
        && r.contains("includeDeactivated=true")), requests::toString);
    // Postings return content and followers only when named: the sync's projection, asked alike.
    assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /v1/postings?")
        && r.contains("include=id") && r.contains("include=content")
        && r.contains("include=followers")), requests::toString);
    assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /v1/eeo/responses/pii?")
        && r.contains("created_at_start=946684800000") && r.contains("created_at_end=")),
        requests::toString);
    // Lever refuses /postings/deleted windows over 30 days: the sync's first window, from start_date.
    assertTrue(requests.stream().anyMatch(r -> r.startsWith("GET /v1/postings/deleted?")
        && r.contains("deleted_at_start=946684800000")
        && r.contains("deleted_at_end=" + (946684800000L + 30L * 86_400_000))), requests::toString);
    String firstOpportunity = fake.dataset().opportunityIds().get(0);
    assertTrue(requests.contains("GET /v1/opportunities/" + firstOpportunity + "/offers?limit=1"),
        requests::toString);
    assertTrue(requests.stream().noneMatch(r -> r.matches("GET /v1/opportunities/[^/?]+/applications.*")),
        "applications are read inline, as the sync reads them: " + requests);
    // One request per stream that needs one: derived rows (tags, stage changes...) need none.
    long derived = LeverStreams.ALL.stream()
        .filter(s -> s.replication() instanceof taplever.streams.Replication.FromParentArray).count();
    assertEquals(ALL.length - derived, requests.size(), requests::toString);
    assertTrue(rows(run).get("opportunity_tags").contains("no request of its own"), run::toString);
  }

  @Test
  void aMissingScopeIsNamedAndExits1() throws Exception {
    start(small().withDeniedScopes(Set.of("offers:read:admin")));

    TapRun run = check(apiKeyConfig(), "--catalog",
        catalog("opportunities", "opportunity_offers", "users").toString());

    assertEquals(1, run.exitCode(), run::toString);
    Map<String, String> rows = rows(run);
    assertTrue(rows.get("opportunity_offers").startsWith("missing scope offers:read:admin"),
        run::toString);
    assertTrue(rows.get("opportunities").startsWith("OK"), run::toString);
    assertTrue(rows.get("users").startsWith("OK"), run::toString);
    assertTrue(run.stderr().contains("To grant the missing scopes: an API key's permissions cannot"
        + " be edited: generate a new key in Lever"), run::toString);
    assertTrue(run.stderr().contains("tap-lever check: 2 of 3 selected streams readable"),
        run::toString);
  }

  @Test
  void aMissingScopeUnderOAuthNamesTheLoginCommandThatGrantsIt() throws Exception {
    start(small().withDeniedScopes(Set.of("feedback:read:admin")));
    Path config = oauthConfig();
    Path catalog = catalog("opportunities", "opportunity_feedback");

    TapRun run = check(config, "--catalog", catalog.toString());

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(rows(run).get("opportunity_feedback").startsWith("missing scope feedback:read:admin"),
        run::toString);
    assertTrue(run.stderr().contains("To grant the missing scopes: tap-lever login --config "
        + config + " --catalog " + catalog + System.lineSeparator()), run::toString);
    assertTrue(run.stderr().contains("Credentials: OAuth"), run::toString);
  }

  @Test
  void whenTheConfigNamesScopesTheLoginCommandNamesThemAll() throws Exception {
    start(small().withDeniedScopes(Set.of("feedback:read:admin")));
    Path config = config("\"client_id\": \"fake-client-id\", \"client_secret\":"
        + " \"fake-client-secret\", \"refresh_token\": \"fake-refresh-0\", \"token_url\": \""
        + fake.tokenUrl() + "\", \"scopes\": \"users:read:admin\"");

    TapRun run = check(config, "--catalog", catalog("opportunity_feedback").toString());

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("To grant the missing scopes: tap-lever login --config "
        + config + " --scopes 'confidential:access:admin feedback:read:admin offline_access"
        + " opportunities:read:admin users:read:admin'"), run::toString);
  }

  @Test
  void aDisabledAddOnIsReportedAsNotEnabledOnTheAccount() throws Exception {
    start(small().withAddOns(false));

    TapRun run = check(apiKeyConfig(), "--catalog",
        catalog("audit_events", "eeo_responses", "stages").toString());

    assertEquals(1, run.exitCode(), run::toString);
    Map<String, String> rows = rows(run);
    assertTrue(rows.get("audit_events").startsWith("not enabled on the account"), run::toString);
    assertTrue(rows.get("eeo_responses").startsWith("not enabled on the account"), run::toString);
    assertTrue(rows.get("audit_events").contains("add-on"), run::toString);
    assertTrue(rows.get("stages").startsWith("OK"), run::toString);
    assertFalse(run.stderr().contains("To grant"), run::toString);
  }

  @Test
  void anUnservedUnverifiedEndpointIsNotEnabled() throws Exception {
    start(small().withDeletedPostingsEndpoint(false));

    TapRun run = check(apiKeyConfig(), "--catalog", catalog("deleted_postings").toString());

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(rows(run).get("deleted_postings").startsWith("not enabled on the account"),
        run::toString);
    assertTrue(rows(run).get("deleted_postings").contains("404"), run::toString);
  }

  @Test
  void aRejectedKeyIsReportedForEveryStreamAfterOneRequest() throws Exception {
    start(small());

    TapRun run = check(config("\"api_key\": \"not-the-key\""), "--catalog",
        catalog("opportunities", "opportunity_offers", "users", "stages").toString());

    assertEquals(1, run.exitCode(), run::toString);
    Map<String, String> rows = rows(run);
    assertEquals(4, rows.size(), run::toString);
    rows.forEach((stream, row) -> assertTrue(row.startsWith("rejected credentials"),
        stream + ": " + row));
    assertEquals(1, dataRequests().size(), "the rest would be refused alike: " + dataRequests());
    assertTrue(run.stderr().contains("Confidential data: unknown"), run::toString);
    assertFalse(run.stderr().contains("not-the-key"), run::toString);
  }

  @Test
  void aKeyWithoutConfidentialAccessIsToldApart() throws Exception {
    start(small().withConfidentialAccess(false));

    TapRun run = check(apiKeyConfig(), "--catalog",
        catalog("opportunities", "opportunity_offers", "postings", "users").toString());

    assertEquals(1, run.exitCode(), run::toString);
    Map<String, String> rows = rows(run);
    assertTrue(rows.get("opportunities").startsWith("missing scope confidential:access:admin"),
        run::toString);
    assertTrue(rows.get("postings").startsWith("missing scope confidential:access:admin"),
        run::toString);
    assertTrue(rows.get("opportunity_offers").startsWith("OK"),
        "read through a non-confidential opportunity: " + run);
    assertTrue(rows.get("users").startsWith("OK"), run::toString);
    assertTrue(run.stderr().contains("Confidential data: not readable (GET /opportunities?"
        + "confidentiality=all answered 403 while GET /opportunities answered 200)"), run::toString);
    assertTrue(run.stderr().contains("'Allow access to confidential data' on"), run::toString);
  }

  @Test
  void confidentialAccessIsReportedEvenWhenNoSelectedStreamIsConfidential() throws Exception {
    start(small());

    TapRun yes = check(apiKeyConfig(), "--catalog", catalog("users").toString());
    TapRun no = check(config("\"api_key\": \"fake-key-no-confidential\""), "--catalog",
        catalog("users").toString());

    assertEquals(0, yes.exitCode(), yes::toString);
    assertTrue(yes.stderr().contains("Confidential data: readable"), yes::toString);
    assertEquals(0, no.exitCode(), "users is readable, so the check passes: " + no);
    assertTrue(no.stderr().contains("Confidential data: not readable"), no::toString);
  }

  @Test
  void aChildTheAccountHasNoParentForIsNotCheckedRatherThanFailed() throws Exception {
    start(small().withOpportunities(0));

    TapRun run = check(apiKeyConfig(), "--catalog",
        catalog("opportunities", "opportunity_offers", "opportunity_applications").toString());

    assertEquals(0, run.exitCode(), run::toString);
    Map<String, String> rows = rows(run);
    assertTrue(rows.get("opportunity_offers").startsWith("not checked"), run::toString);
    assertTrue(rows.get("opportunity_offers").contains("no opportunities record"), run::toString);
    assertTrue(rows.get("opportunity_applications").startsWith("OK"), run::toString);
  }

  @Test
  void aChildWhoseParentCannotBeListedSharesTheParentsRefusal() throws Exception {
    start(small().withDeniedScopes(Set.of("opportunities:read:admin")));

    TapRun run = check(apiKeyConfig(), "--catalog",
        catalog("opportunity_offers", "opportunity_tags").toString());

    assertEquals(1, run.exitCode(), run::toString);
    Map<String, String> rows = rows(run);
    assertTrue(rows.get("opportunity_offers").startsWith("missing scope opportunities:read:admin"),
        run::toString);
    assertTrue(rows.get("opportunity_tags").startsWith("missing scope opportunities:read:admin"),
        run::toString);
  }

  @Test
  void jsonFormatPrintsExactlyOneObjectOnStdout() throws Exception {
    start(small().withDeniedScopes(Set.of("offers:read:admin")));

    TapRun run = check(apiKeyConfig(), "--catalog",
        catalog("opportunities", "opportunity_offers").toString(), "--format", "json");

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.stdout().endsWith("}\n"), run::toString);
    assertEquals(1, run.stdout().split("\n").length, run::toString);
    JsonNode doc = JSON.readTree(run.stdout());
    assertTrue(doc.isObject());
    assertFalse(doc.get("readable").asBoolean());
    assertEquals("api_key", doc.get("credentials").asText());
    assertEquals("us", doc.get("region").asText());
    assertEquals("http://127.0.0.1:" + fake.port(), doc.get("host").asText());
    assertTrue(doc.at("/confidential_access/readable").asBoolean(), doc::toString);
    assertTrue(doc.at("/confidential_access/method").asText().startsWith("Lever's documented"));
    JsonNode streams = doc.get("streams");
    assertEquals(2, streams.size());
    assertEquals("opportunities", streams.get(0).get("stream").asText());
    assertEquals("ok", streams.get(0).get("status").asText());
    assertEquals("missing_scope", streams.get(1).get("status").asText());
    assertEquals("[\"offers:read:admin\"]", streams.get(1).get("missing_scopes").toString());
    assertTrue(doc.get("grant").asText().contains("generate a new key"), doc::toString);
    assertTrue(run.stderr().contains("missing scope offers:read:admin"), "the table too");
  }

  @Test
  void badConfigCatalogOrFormatExit2WithNothingAsked() throws Exception {
    start(small());
    Path noStart = new TempFiles(dir).write("nostart.json", "{\"base_url\": \"" + fake.baseUrl()
        + "\", \"api_key\": \"fake-api-key\"}");
    Path unknownStream = new TempFiles(dir).write("bad-catalog.json",
        Catalogs.selecting("no_such_stream"));

    TapRun missingStart = check(noStart);
    TapRun badCatalog = check(apiKeyConfig(), "--catalog", unknownStream.toString());
    TapRun badFormat = check(apiKeyConfig(), "--format", "yaml");
    TapRun noConfig = TapRun.of("check");

    for (TapRun run : List.of(missingStart, badCatalog, badFormat, noConfig)) {
      assertEquals(2, run.exitCode(), run::toString);
      assertEquals("", run.stdout(), run::toString);
    }
    assertTrue(missingStart.stderr().contains("start_date"), missingStart::toString);
    assertTrue(badCatalog.stderr().contains("no_such_stream"), badCatalog::toString);
    assertTrue(badFormat.stderr().contains("--format must be text or json"), badFormat::toString);
    assertEquals(List.of(), dataRequests());
  }

  @Test
  void theChecksRequestsWaitForTheRateLimiter() throws Exception {
    start(small());
    Path config = config("\"api_key\": \"fake-api-key\", \"requests_per_second\": 2,"
        + " \"burst\": 1");
    FakeRuntime time = new FakeRuntime();

    TapRun run = TapRun.Setup.defaults().time(time).run("check", "--config", config.toString(),
        "--catalog", catalog("opportunities", "opportunity_offers", "opportunity_notes", "users",
            "stages", "tags").toString());

    assertEquals(0, run.exitCode(), run::toString);
    int requests = dataRequests().size();
    assertEquals(6, requests, dataRequests()::toString);
    // One permit every 0.5 s after the first: the fake clock moved only by the limiter's waits.
    assertTrue(time.slept().compareTo(Duration.ofMillis(500L * (requests - 1) - 50)) >= 0,
        () -> "slept " + time.slept() + " for " + requests + " requests");
    assertTrue(time.slept().compareTo(Duration.ofMillis(500L * requests + 50)) <= 0,
        () -> "slept " + time.slept());
  }

  @Test
  void noSecretReachesStdoutOrStderr() throws Exception {
    start(small().withDeniedScopes(Set.of("offers:read:admin")));
    Path config = oauthConfig();

    TapRun run = check(config, "--catalog",
        catalog("opportunities", "opportunity_offers", "users").toString(), "--format", "json",
        "--log-level", "debug");

    assertEquals(1, run.exitCode(), run::toString);
    String rotated = fake.currentRefreshToken();
    assertFalse(rotated.equals("fake-refresh-0"), "the check refreshed the token");
    assertEquals(rotated, JSON.readTree(Files.readString(config)).get("refresh_token").asText(),
        "and saved the rotated one, as a sync does");
    String all = run.stdout() + run.stderr();
    for (String secret : List.of("fake-client-secret", "fake-refresh-0", rotated, "fake-at-",
        "fake-rt-")) {
      assertFalse(all.contains(secret), () -> secret + " leaked: " + run);
    }
    TapRun withKey = check(apiKeyConfig(), "--format", "json", "--log-level", "debug");
    assertFalse((withKey.stdout() + withKey.stderr()).contains("fake-api-key"), withKey::toString);
  }

  @Test
  void helpShowsTheExamples() throws Exception {
    TapRun run = TapRun.of("check", "--help");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("tap-lever check --config config.json --catalog catalog.json"
        + " --format json"), run::toString);
    assertTrue(run.stdout().contains("tap-lever login --config config.json --catalog"
        + " catalog.json"), run::toString);
    assertTrue(run.stdout().replaceAll("\\s+", " ").contains("2 bad usage, config or catalog, or"
        + " the OAuth config is locked by another run (nothing was asked of Lever)"),
        run::toString);
  }

  @Test
  void aRefreshTokenLeverNoLongerAcceptsIsRejectedCredentialsNamingLogin() throws Exception {
    start(small());
    Path config = config("\"client_id\": \"fake-client-id\", \"client_secret\":"
        + " \"fake-client-secret\", \"refresh_token\": \"v1.spent-token\", \"token_url\": \""
        + fake.tokenUrl() + "\"");

    TapRun run = check(config, "--catalog", catalog("users", "stages").toString());

    assertEquals(1, run.exitCode(), run::toString);
    Map<String, String> rows = rows(run);
    assertTrue(rows.get("users").startsWith("rejected credentials"), run::toString);
    assertTrue(rows.get("users").contains("tap-lever login"), run::toString);
    assertTrue(rows.get("stages").startsWith("rejected credentials"), run::toString);
    assertFalse(run.stderr().contains("v1.spent-token"), run::toString);
    assertEquals(List.of(), dataRequests(), "no data request without a token");
  }

  /** Once exit 0 and "readable": true, with Lever's 401 as the only evidence. */
  @Test
  void credentialsLeverRejectsFailTheCheckEvenWhenNoStreamIsSelected() throws Exception {
    start(small());

    TapRun run = check(config("\"api_key\": \"not-the-key\""), "--catalog", catalog().toString(),
        "--format", "json");

    assertEquals(1, run.exitCode(), run::toString);
    JsonNode doc = JSON.readTree(run.stdout());
    assertFalse(doc.get("readable").asBoolean(), doc::toString);
    assertEquals(0, doc.get("streams").size(), doc::toString);
    assertEquals("rejected_credentials", doc.at("/credentials_failure/status").asText(),
        doc::toString);
    assertEquals("Lever answered 401 to the API key for /opportunities",
        doc.at("/credentials_failure/detail").asText(), doc::toString);
    assertTrue(run.stderr().contains("Credentials: API key, rejected (Lever answered 401 to the"
        + " API key for /opportunities)"), run::toString);
    assertFalse(run.stderr().contains("not-the-key"), run::toString);
  }

  @Test
  void aSpentRefreshTokenFailsTheCheckEvenWhenNoStreamIsSelected() throws Exception {
    start(small());
    Path config = config("\"client_id\": \"fake-client-id\", \"client_secret\":"
        + " \"fake-client-secret\", \"refresh_token\": \"v1.spent-token\", \"token_url\": \""
        + fake.tokenUrl() + "\"");

    TapRun run = check(config, "--catalog", catalog().toString(), "--format", "json");

    assertEquals(1, run.exitCode(), run::toString);
    assertFalse(JSON.readTree(run.stdout()).get("readable").asBoolean(), run::toString);
    assertTrue(run.stderr().contains("Credentials: OAuth, rejected ("), run::toString);
    assertTrue(run.stderr().contains("tap-lever login"), run::toString);
    assertFalse(run.stderr().contains("v1.spent-token"), run::toString);
  }

  @Test
  void noAnswerFromLeverFailsTheCheckEvenWhenNoStreamIsSelected() throws Exception {
    mockwebserver3.MockWebServer gone = new mockwebserver3.MockWebServer();
    gone.start();
    Path config = new taplever.testing.TapFixture(dir, gone).config();
    gone.close();

    TapRun run = TapRun.Setup.defaults().time(new FakeRuntime()).run("check", "--config",
        config.toString(), "--catalog", catalog().toString(), "--format", "json");

    assertEquals(1, run.exitCode(), run::toString);
    assertFalse(JSON.readTree(run.stdout()).get("readable").asBoolean(), run::toString);
    assertTrue(run.stderr().contains("Credentials: API key, not confirmed (could not reach"
        + " Lever"), run::toString);
  }

  @Test
  void anErrorOnOneStreamIsReportedAndTheOthersAreStillChecked() throws Exception {
    try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
      taplever.testing.LeverScript lever = new taplever.testing.LeverScript()
          .on("/v1/users", r -> taplever.testing.LeverScript.json(200,
              "{\"data\": [], \"hasNext\": false}"))
          .on("/v1/stages", r -> taplever.testing.LeverScript.json(500,
              "{\"code\": \"InternalServerError\", \"message\": \"boom\"}"));
      server.setDispatcher(lever);
      server.start();
      Path config = new taplever.testing.TapFixture(dir, server).config();

      TapRun run = TapRun.Setup.defaults().time(new FakeRuntime()).run("check", "--config",
          config.toString(), "--catalog", catalog("users", "stages").toString());

      assertEquals(1, run.exitCode(), run::toString);
      Map<String, String> rows = rows(run);
      assertTrue(rows.get("stages").startsWith("error"), run::toString);
      assertTrue(rows.get("stages").contains("Lever answered 500 for /stages after retrying"),
          run::toString);
      assertTrue(rows.get("users").startsWith("OK"), run::toString);
      assertFalse(run.stderr().contains(taplever.testing.TapFixture.API_KEY), run::toString);
    }
  }
}
