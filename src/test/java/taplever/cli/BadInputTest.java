package taplever.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import taplever.testing.TapRun;
import taplever.testing.TempFiles;

/** Every bad input: exit 2, one CRITICAL line naming the problem, nothing on stdout, no secret. */
class BadInputTest {
  private static final String KEY = "sk-live-SECRET-0042";
  private static final String OK = "\"api_key\": \"" + KEY + "\", \"start_date\": \"2024-01-01T00:00:00Z\"";

  @TempDir
  Path dir;

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of("not JSON", "{\"api_key\": ", "not valid JSON"),
        Arguments.of("not an object", "[1, 2]", "must be a JSON object"),
        Arguments.of("no credentials", "{\"start_date\": \"2024-01-01T00:00:00Z\"}", "needs credentials"),
        Arguments.of("api key and OAuth", "{" + OK + ", \"client_id\": \"c\", \"client_secret\": \"s\","
            + " \"refresh_token\": \"r\"}", "keep one way"),
        Arguments.of("OAuth without refresh token", "{\"client_id\": \"c\", \"client_secret\": \"s\","
            + " \"start_date\": \"2024-01-01T00:00:00Z\"}", "'refresh_token' is missing"),
        Arguments.of("missing start_date", "{\"api_key\": \"" + KEY + "\"}", "'start_date' is missing"),
        Arguments.of("start_date not RFC3339", "{\"api_key\": \"" + KEY + "\", \"start_date\": \"01/02/2024\"}",
            "'start_date' must be an RFC3339"),
        Arguments.of("start_date a date without leading zeros", "{\"api_key\": \"" + KEY + "\","
            + " \"start_date\": \"2024-1-5\"}", "'start_date' must be an RFC3339 timestamp such as"
            + " 2024-01-01T00:00:00Z or a date such as 2024-01-01 (midnight UTC), not '2024-1-5'"),
        Arguments.of("start_date a date-time without offset", "{\"api_key\": \"" + KEY + "\","
            + " \"start_date\": \"2024-01-15T10:00\"}", "'start_date' must be an RFC3339"),
        Arguments.of("start_date yesterday", "{\"api_key\": \"" + KEY + "\","
            + " \"start_date\": \"yesterday\"}", "'start_date' must be an RFC3339"),
        Arguments.of("start_date a number", "{\"api_key\": \"" + KEY + "\", \"start_date\": 20240101}",
            "'start_date' must be a string"),
        Arguments.of("api_key a number", "{\"api_key\": 42, \"start_date\": \"2024-01-01T00:00:00Z\"}",
            "'api_key' must be a string"),
        Arguments.of("empty api_key", "{\"api_key\": \"  \", \"start_date\": \"2024-01-01T00:00:00Z\"}",
            "'api_key' is empty"),
        Arguments.of("unknown region", "{" + OK + ", \"region\": \"mars\"}", "'region' must be one of us, eu, sandbox"),
        Arguments.of("page_size 0", "{" + OK + ", \"page_size\": 0}", "'page_size' must be from 1 to 100"),
        Arguments.of("page_size 101", "{" + OK + ", \"page_size\": 101}", "'page_size' must be from 1 to 100"),
        Arguments.of("page_size text", "{" + OK + ", \"page_size\": \"lots\"}", "'page_size' must be a number"),
        Arguments.of("http base_url", "{" + OK + ", \"base_url\": \"http://api.lever.co/v1\"}", "must use https"),
        Arguments.of("lookalike loopback", "{" + OK + ", \"base_url\": \"http://127.0.0.1.evil.example/v1\"}",
            "must use https"),
        Arguments.of("base_url with credentials", "{" + OK + ", \"base_url\": \"https://u:p@api.lever.co/v1\"}",
            "must be https://host/path"),
        Arguments.of("max_concurrency 0", "{" + OK + ", \"max_concurrency\": 0}", "'max_concurrency' must be from 1"),
        Arguments.of("token alias disagrees", "{" + OK + ", \"token\": \"other\"}", "alias 'token'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void aBadConfigExits2WithOneLineNamingTheProblem(String name, String config, String expected) {
    Path file = new TempFiles(dir).write("config.json", config);

    TapRun run = TapRun.of("--config", file.toString());

    assertUsageError(run, expected);
  }

  static Stream<Arguments> badCatalogs() {
    return Stream.of(
        Arguments.of("not JSON", "{\"streams\": [", "not valid JSON"),
        Arguments.of("no streams array", "{\"streams\": {}}", "'streams' array"),
        Arguments.of("unknown stream", "{\"streams\": [{\"tap_stream_id\": \"candidatez\"}]}",
            "stream 'candidatez' that tap-lever does not know"),
        Arguments.of("selected not boolean", "{\"streams\": [{\"tap_stream_id\": \"users\", \"metadata\":"
            + " [{\"breadcrumb\": [], \"metadata\": {\"selected\": \"yes\"}}]}]}", "must be true or false"),
        Arguments.of("metadata not an array", "{\"streams\": [{\"tap_stream_id\": \"users\", \"metadata\": {}}]}",
            "not an array"),
        Arguments.of("invalid replication key", "{\"streams\": [{\"tap_stream_id\": \"opportunities\", \"metadata\":"
            + " [{\"breadcrumb\": [], \"metadata\": {\"selected\": true, \"replication-key\": \"createdAt\"}}]}]}",
            "not one of its valid-replication-keys [updatedAt]"),
        Arguments.of("incremental without a cursor", "{\"streams\": [{\"tap_stream_id\": \"users\", \"metadata\":"
            + " [{\"breadcrumb\": [], \"metadata\": {\"selected\": true, \"replication-method\": \"INCREMENTAL\"}}]}]}",
            "cannot be INCREMENTAL"),
        Arguments.of("unknown method", "{\"streams\": [{\"tap_stream_id\": \"users\", \"metadata\":"
            + " [{\"breadcrumb\": [], \"metadata\": {\"selected\": true, \"replication-method\": \"LOG_BASED\"}}]}]}",
            "supports FULL_TABLE and INCREMENTAL"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCatalogs")
  void aBadCatalogExits2(String name, String catalog, String expected) {
    TempFiles files = new TempFiles(dir);
    Path config = files.write("config.json", "{" + OK + "}");
    Path cat = files.write("catalog.json", catalog);

    TapRun run = TapRun.of("--config", config.toString(), "--catalog", cat.toString());

    assertUsageError(run, expected);
  }

  static Stream<Arguments> badStates() {
    return Stream.of(
        Arguments.of("not JSON", "{\"bookmarks\": ", "not valid JSON"),
        Arguments.of("not an object", "\"yesterday\"", "state must be a JSON object"),
        Arguments.of("bookmarks an array", "{\"bookmarks\": []}", "'bookmarks' must be a JSON object"),
        Arguments.of("bookmark value not a date", "{\"bookmarks\": {\"opportunities\":"
            + " {\"replication_key_value\": \"soon\"}}}", "must be an RFC3339 timestamp"),
        Arguments.of("currently_syncing a number", "{\"currently_syncing\": 3}", "'currently_syncing' must be"),
        Arguments.of("more after the JSON", "{\"bookmarks\": {}}\n{\"bookmarks\": {}}",
            "more after its JSON value"),
        Arguments.of("progress streams not a list", "{\"bookmarks\": {\"opportunities\":"
            + " {\"progress\": {\"window_end\": \"2026-01-01T00:00:00Z\", \"streams\": \"all\"}}}}",
            "'progress.streams' of 'opportunities' must be a list of stream names"),
        Arguments.of("rolling gap negative", "{\"bookmarks\": {\"opportunity_offers\":"
            + " {\"rolling_refresh\": {\"cycle_start\": \"2026-01-01T00:00:00Z\", \"position\":"
            + " \"2026-01-01T00:00:00Z\", \"window_seconds\": 60, \"done\": 0, \"total\": 0,"
            + " \"last_run\": \"2026-01-01T00:00:00Z\", \"gap_seconds\": -5}}}}",
            "'gap_seconds' of 'opportunity_offers rolling_refresh' must be a whole number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badStates")
  void aBadStateExits2(String name, String state, String expected) {
    TempFiles files = new TempFiles(dir);
    Path config = files.write("config.json", "{" + OK + "}");
    Path st = files.write("state.json", state);

    TapRun run = TapRun.of("--config", config.toString(), "--state", st.toString());

    assertUsageError(run, expected);
  }

  @Test
  void anUnreadableStateFileExits2() {
    Path config = new TempFiles(dir).write("config.json", "{" + OK + "}");

    TapRun run = TapRun.of("--config", config.toString(), "--state", dir.resolve("missing.json").toString());

    assertUsageError(run, "does not exist");
  }

  @Test
  void aMissingConfigOptionIsAUsageError() {
    assertUsageError(TapRun.of(), "--config");
  }

  @Test
  void discoverWithACatalogIsAUsageError() {
    Path config = new TempFiles(dir).write("config.json", "{" + OK + "}");
    assertUsageError(TapRun.of("--config", config.toString(), "--discover", "--catalog", config.toString()),
        "--discover takes only --config");
  }

  @Test
  void unknownConfigKeysAreAWarningNotAnError() {
    Path config = new TempFiles(dir).write("config.json", "{" + OK + ", \"colour\": \"blue\"}");

    TapRun run = TapRun.of("--config", config.toString(), "--discover");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stderr().contains("unknown keys, ignored: colour"));
  }

  /** Reaches no network: were the input accepted, the run would fail fast with exit 1, not 2. */
  private static final String OFFLINE = OK + ", \"base_url\": \"http://127.0.0.1:1/v1\","
      + " \"max_retry_seconds\": 1, \"connect_timeout_seconds\": 1";

  static Stream<Arguments> badConfigsFoundBeforeAnyRequest() {
    return Stream.of(
        Arguments.of("start_date after now", "{" + OFFLINE.replace("2024-01-01", "9999-01-01") + "}",
            "'start_date' is in the future (9999-01-01T00:00:00Z)"),
        Arguments.of("start_date a date after today", "{" + OFFLINE.replace("2024-01-01T00:00:00Z",
            "9999-01-01") + "}", "'start_date' is in the future (9999-01-01)"),
        Arguments.of("page_size with a fraction", "{" + OFFLINE + ", \"page_size\": 50.7}",
            "'page_size' must be a whole number from 1 to 100, not 50.7"),
        Arguments.of("page_size with a fraction as text", "{" + OFFLINE + ", \"page_size\": \"50.7\"}",
            "'page_size' must be a whole number from 1 to 100, not 50.7"),
        Arguments.of("user_agent with CR/LF", "{" + OFFLINE + ", \"user_agent\": \"me\\r\\nX-Evil: 1\"}",
            "'user_agent' is sent as an HTTP header, so it may hold only printable ASCII"),
        Arguments.of("pii hash without its variable", "{" + OFFLINE + ", \"pii\": {\"mode\": \"hash\","
            + " \"salt_env\": \"TAP_LEVER_TEST_UNSET\"}}", "TAP_LEVER_TEST_UNSET, which is not set"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigsFoundBeforeAnyRequest")
  void inputThatOnceFailedMidSyncIsAConfigErrorNow(String name, String config, String expected) {
    Path file = new TempFiles(dir).write("config.json", config);

    TapRun run = TapRun.of("--config", file.toString());

    assertUsageError(run, expected);
  }

  static Stream<Arguments> piiFieldsNamingNoField() {
    List<List<String>> commands = List.of(List.of(), List.of("--discover"), List.of("check"),
        List.of("login", "--no-browser", "--timeout-seconds", "1"));
    return commands.stream().flatMap(command -> Stream.of(
        Arguments.of(command, "opportunities.nosuchfield", "which is not a field of stream"
            + " opportunities"),
        Arguments.of(command, "nosuchstream.emails", "but tap-lever has no stream 'nosuchstream'")));
  }

  /**
   * Once checked inside the sync only: --discover and check exited 0, and the sync printed an
   * empty summary table before its exit 2, after taking an OAuth config's lock.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("piiFieldsNamingNoField")
  void piiFieldsNamingNoFieldAreAConfigErrorOfEveryCommandBeforeTheLock(List<String> command,
      String field, String expected) {
    Path file = new TempFiles(dir).write("config.json", "{\"client_id\": \"c\", \"client_secret\":"
        + " \"s\", \"refresh_token\": \"r\", \"token_url\": \"http://127.0.0.1:1/oauth/token\","
        + " \"base_url\": \"http://127.0.0.1:1/v1\", \"max_retry_seconds\": 1, \"start_date\":"
        + " \"2024-01-01T00:00:00Z\", \"pii\": {\"mode\": \"drop\", \"fields\": [\"" + field
        + "\"]}}");
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--config", file.toString()));

    TapRun run = TapRun.of(args.toArray(String[]::new));

    assertUsageError(run, "config key 'pii.fields' names '" + field + "', " + expected);
    assertFalse(run.stderr().contains("summary:"), run::toString);
    assertFalse(Files.exists(dir.resolve("config.json.lock")), "no lock was taken");
  }

  @Test
  void aConfigNestedTooDeepNamesTheFileAndTheLimit() {
    Path file = new TempFiles(dir).write("config.json", "{" + OFFLINE + ", \"x\": "
        + "[".repeat(1001) + "]".repeat(1001) + "}");

    assertUsageError(TapRun.of("--config", file.toString()), "config file " + file
        + " is too large to be valid input: it nests deeper than 1000 levels");
  }

  static Stream<Arguments> badCatalogsAndStatesFoundBeforeAnyRequest() {
    String users = "{\"tap_stream_id\": \"users\", \"metadata\": [{\"breadcrumb\": [], \"metadata\":"
        + " {\"selected\": true}}]}";
    return Stream.of(
        Arguments.of("the same stream twice", "--catalog", "{\"streams\": [" + users + ", " + users + "]}",
            "catalog lists stream 'users' more than once"),
        Arguments.of("a catalog nested too deep", "--catalog", "{\"streams\": " + "[".repeat(1001)
            + "]".repeat(1001) + "}", "it nests deeper than 1000 levels"),
        Arguments.of("a state nested too deep", "--state", "{\"bookmarks\": " + "[".repeat(1001)
            + "]".repeat(1001) + "}", "it nests deeper than 1000 levels"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCatalogsAndStatesFoundBeforeAnyRequest")
  void aBadCatalogOrStateFoundBeforeAnyRequestExits2(String name, String option, String content,
      String expected) {
    TempFiles files = new TempFiles(dir);
    Path config = files.write("config.json", "{" + OFFLINE + "}");
    Path input = files.write("input.json", content);

    TapRun run = TapRun.of("--config", config.toString(), option, input.toString());

    assertUsageError(run, expected);
  }

  @Test
  void aStateHoldingATwentyMillionCharacterStringExits2NamingTheFile() {
    TempFiles files = new TempFiles(dir);
    Path config = files.write("config.json", "{" + OFFLINE + "}");
    Path state = files.write("state.json", "{\"bookmarks\": {\"users\": {\"offset\": \""
        + "x".repeat(20_000_001) + "\"}}}");

    TapRun run = TapRun.of("--config", config.toString(), "--state", state.toString());

    assertUsageError(run, "state file " + state + " is too large to be valid input: it holds a"
        + " string longer than 1000000 characters");
  }

  static Stream<Arguments> configUrlsWithSecrets() {
    return Stream.of(
        Arguments.of("base_url", "https://user:PASSWORD-77@api.lever.co/v1", "without a user name or password"),
        Arguments.of("base_url", "http://api.lever.co/v1?api_key=QUERY-SECRET-77", "must use https"),
        Arguments.of("base_url", "https://api lever.co/v1?api_key=QUERY-SECRET-77", "is not a valid URL"),
        Arguments.of("token_url", "https://user:PASSWORD-77@auth.lever.co/oauth/token", "without a user name"),
        Arguments.of("token_url", "http://auth.lever.co/oauth/token?x=QUERY-SECRET-77", "must use https"),
        Arguments.of("authorize_url", "https://u:PASSWORD-77@auth.lever.co/authorize", "without a user name"),
        Arguments.of("base_url", "http://127.0.0.1:99999/v1?api_key=QUERY-SECRET-77",
            "config key 'base_url' has port 99999, which is not a TCP port (1 to 65535)"),
        Arguments.of("token_url", "https://auth.lever.co:0/oauth/token?x=QUERY-SECRET-77",
            "config key 'token_url' has port 0, which is not a TCP port (1 to 65535)"),
        Arguments.of("base_url", "https://" + "a".repeat(70) + ".lever.co/v1?api_key=QUERY-SECRET-77",
            "config key 'base_url' has a host name that is not a valid domain name"),
        Arguments.of("authorize_url", "https://" + "b".repeat(64) + ".lever.co/authorize?q=QUERY-SECRET-77",
            "config key 'authorize_url' has a host name that is not a valid domain name"));
  }

  static Stream<Arguments> urlsOkHttpCannotUse() {
    String longLabel = "https://" + "a".repeat(70) + ".lever.co/v1";
    return Stream.of(
        Arguments.of("sync", "base_url", "http://127.0.0.1:99999/v1", "has port 99999"),
        Arguments.of("check", "base_url", "http://127.0.0.1:99999/v1", "has port 99999"),
        Arguments.of("sync", "base_url", longLabel, "has a host name that is not a valid domain name"),
        Arguments.of("check", "base_url", longLabel, "has a host name that is not a valid domain name"),
        Arguments.of("sync", "token_url", "http://127.0.0.1:99999/oauth/token", "has port 99999"),
        Arguments.of("check", "token_url", "http://127.0.0.1:99999/oauth/token", "has port 99999"));
  }

  /** Once "internal error (IllegalArgumentException)", exit 1, after an OAuth run took the lock. */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("urlsOkHttpCannotUse")
  void aUrlOkHttpCannotUseIsAConfigErrorBeforeTheLock(String command, String key, String url,
      String expected) {
    String credentials = key.equals("token_url")
        ? "\"client_id\": \"c\", \"client_secret\": \"s\", \"refresh_token\": \"r\", \"token_url\": \""
            + url + "\", \"base_url\": \"http://127.0.0.1:1/v1\""
        : "\"api_key\": \"" + KEY + "\", \"base_url\": \"" + url + "\"";
    Path file = new TempFiles(dir).write("config.json", "{" + credentials
        + ", \"start_date\": \"2024-01-01T00:00:00Z\", \"max_retry_seconds\": 1}");
    List<String> args = new ArrayList<>(command.equals("check") ? List.of("check") : List.of());
    args.addAll(List.of("--config", file.toString()));

    TapRun run = TapRun.of(args.toArray(String[]::new));

    assertUsageError(run, "config key '" + key + "' " + expected);
    assertFalse(run.stderr().contains("internal error"), run::toString);
    assertFalse(Files.exists(dir.resolve("config.json.lock")), "no lock was taken");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configUrlsWithSecrets")
  void aConfigUrlInAnErrorShowsNeitherItsUserinfoNorItsQuery(String key, String url, String expected) {
    Path file = new TempFiles(dir).write("config.json", "{" + OFFLINE.replace("\"base_url\"", "\"ignored\"")
        + ", \"" + key + "\": \"" + url + "\"}");

    TapRun run = TapRun.of("--config", file.toString());

    assertUsageError(run, expected);
    assertFalse(run.stderr().contains("PASSWORD-77"), run::toString);
    assertFalse(run.stderr().contains("QUERY-SECRET-77"), run::toString);
    assertFalse(run.stderr().contains("user:") || run.stderr().contains("u:"), run::toString);
  }

  private static void assertUsageError(TapRun run, String expected) {
    assertEquals(2, run.exitCode(), run::toString);
    assertEquals("", run.stdout(), "nothing on stdout");
    List<String> critical = new ArrayList<>();
    for (String line : run.stderr().split("\n")) {
      if (line.startsWith("CRITICAL")) {
        critical.add(line);
      }
    }
    assertEquals(1, critical.size(), run::toString);
    assertTrue(critical.get(0).contains(expected), () -> "expected '" + expected + "' in " + run);
    assertFalse(run.stderr().contains("\tat "), "no stack trace");
    assertFalse(run.stderr().contains(KEY), "the key never appears");
  }
}
