package taplever.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import taplever.error.InputException;

class ConfigLoaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final String KEY = "\"api_key\": \"sk-SECRET-1\", \"start_date\": \"2024-01-01T00:00:00Z\"";

  private final List<String> warnings = new ArrayList<>();

  private ConfigLoader loader(Map<String, String> env) {
    return new ConfigLoader(warnings::add, "tap-lever/test", Clock.fixed(NOW, ZoneOffset.UTC),
        Environment.of(env));
  }

  private TapConfig parse(String json) {
    return parse(json, Map.of());
  }

  private TapConfig parse(String json, Map<String, String> env) {
    try {
      JsonNode root = JSON.readTree(json);
      return loader(env).parse(root, Optional.empty(), ConfigLoader.Purpose.SYNC);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private String fails(String json) {
    return fails(json, Map.of());
  }

  private String fails(String json, Map<String, String> env) {
    return assertThrows(InputException.class, () -> parse(json, env)).getMessage();
  }

  @Test
  void everyUnsetKeyTakesItsDocumentedDefault() {
    TapConfig c = parse("{" + KEY + "}");
    assertEquals(100, c.http().pageSize());
    assertEquals(8, c.http().maxConcurrency());
    assertEquals(8, c.engine().maxConcurrency(), "one key, read once, for both its users");
    assertEquals(10.0, c.http().requestsPerSecond());
    assertEquals(18, c.http().burst());
    assertEquals(Duration.ofSeconds(300), c.http().maxRetry());
    assertEquals(Duration.ofSeconds(10), c.http().connectTimeout());
    assertEquals(Duration.ofSeconds(60), c.http().readTimeout());
    assertEquals(Duration.ofDays(1), c.engine().childLookback());
    // Both changed from v0.1 (7 days, periodic) on purpose (issue 9): a monthly rolling refresh
    // fits large accounts.
    assertEquals(Duration.ofDays(30), c.engine().childFullRefresh());
    assertEquals(taplever.config.ChildRefresh.ROLLING, c.engine().childRefresh());
    assertEquals(Region.US, c.region());
    assertEquals("https://api.lever.co/v1", c.http().baseUrl());
    assertEquals("tap-lever/test", c.http().userAgent());
    assertEquals(UnknownFields.KEEP, c.engine().unknownFields());
    assertEquals(PiiPolicy.Mode.KEEP, c.pii().mode());
    assertEquals(Optional.empty(), c.pii().fields());
  }

  @ParameterizedTest
  @ValueSource(strings = {"50.7", "\"50.7\"", "0.5"})
  void integerSettingsRejectFractionsInsteadOfRoundingThem(String value) {
    String message = fails("{" + KEY + ", \"page_size\": " + value + "}");
    assertTrue(message.startsWith("config key 'page_size' must be a whole number from 1 to 100"),
        message);
  }

  @Test
  void integerSettingsAcceptWholeNumbersWrittenAsTextOrWithAZeroFraction() {
    assertEquals(50, parse("{" + KEY + ", \"page_size\": \"50\"}").http().pageSize());
    assertEquals(50, parse("{" + KEY + ", \"page_size\": 50.0}").http().pageSize());
    assertEquals(Duration.ofSeconds(90), parse("{" + KEY + ", \"max_retry_seconds\": 90}").http().maxRetry());
  }

  @Test
  void numberSettingsKeepTheirFraction() {
    assertEquals(2.5, parse("{" + KEY + ", \"requests_per_second\": 2.5}").http().requestsPerSecond());
  }

  @Test
  void theTokenAliasIsTheApiKey() {
    TapConfig c = parse("{\"token\": \"sk-SECRET-1\", \"start_date\": \"2024-01-01T00:00:00Z\"}");
    assertEquals(new Credentials.ApiKey(Secret.of("sk-SECRET-1")), c.credentials());
    assertEquals(List.of(), warnings, "an alias is a known key");
  }

  @Test
  void aStartDateAfterNowIsAConfigError() {
    String message = fails("{\"api_key\": \"k\", \"start_date\": \"2025-06-02T00:00:00Z\"}");
    assertTrue(message.contains("'start_date' is in the future (2025-06-02T00:00:00Z)"), message);
    assertTrue(fails("{\"api_key\": \"k\", \"start_date\": \"9999-01-01T00:00:00Z\"}")
        .contains("in the future"));
  }

  @Test
  void aStartDateBeforeTheYearZeroIsAConfigErrorNotAnOverflowLater() {
    String message = fails("{\"api_key\": \"k\", \"start_date\": \"-999999999-01-01T00:00:00Z\"}");
    assertTrue(message.contains("'start_date' is before the year 0000"), message);
    assertEquals(Instant.parse("0000-01-01T00:00:00Z"),
        parse("{\"api_key\": \"k\", \"start_date\": \"0000-01-01T00:00:00Z\"}").engine().startDate());
  }

  @Test
  void aStartDateWrittenAsADateIsMidnightUtc() {
    assertEquals(Instant.parse("2024-01-15T00:00:00Z"),
        parse("{\"api_key\": \"k\", \"start_date\": \"2024-01-15\"}").engine().startDate());
  }

  @Test
  void todaysDateIsAcceptedAndTomorrowsIsInTheFuture() {
    assertEquals(Instant.parse("2025-06-01T00:00:00Z"),
        parse("{\"api_key\": \"k\", \"start_date\": \"2025-06-01\"}").engine().startDate());
    String message = fails("{\"api_key\": \"k\", \"start_date\": \"2025-06-02\"}");
    assertTrue(message.contains("'start_date' is in the future (2025-06-02)"), message);
  }

  @Test
  void anRfc3339StartDateKeepsItsTimeAndOffset() {
    assertEquals(Instant.parse("2024-01-15T08:30:00Z"),
        parse("{\"api_key\": \"k\", \"start_date\": \"2024-01-15T10:30:00+02:00\"}")
            .engine().startDate());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-1-5", "2024-01-15T10:00", "2024-01-15T10:00:00", "yesterday",
      "2024-02-30", "15/01/2024", "2024-01-15 00:00:00Z", "20240115"})
  void anythingElseIsNoStartDate(String value) {
    String message = fails("{\"api_key\": \"k\", \"start_date\": \"" + value + "\"}");
    assertEquals("config key 'start_date' must be an RFC3339 timestamp such as"
        + " 2024-01-01T00:00:00Z or a date such as 2024-01-01 (midnight UTC), not '" + value + "'",
        message);
  }

  @Test
  void aMissingStartDateSaysBothShapes() {
    assertEquals("config key 'start_date' is missing: expected an RFC3339 timestamp such as"
        + " 2024-01-01T00:00:00Z or a date such as 2024-01-01 (midnight UTC)",
        fails("{\"api_key\": \"k\"}"));
  }

  @Test
  void aStartDateOfNowIsAccepted() {
    assertEquals(NOW, parse("{\"api_key\": \"k\", \"start_date\": \"2025-06-01T12:00:00Z\"}")
        .engine().startDate());
  }

  @Test
  void thousandsOfUnknownKeysGiveOneShortWarningNamingTheFirstTen() {
    StringBuilder json = new StringBuilder("{" + KEY);
    for (int i = 0; i < 100_000; i++) {
      json.append(", \"k").append(String.format("%06d", i)).append("\": 1");
    }
    parse(json.append('}').toString());

    assertEquals(1, warnings.size());
    String warning = warnings.get(0);
    assertTrue(warning.length() < 300, warning);
    assertEquals("config has unknown keys, ignored: k000000, k000001, k000002, k000003, k000004,"
        + " k000005, k000006, k000007, k000008, k000009 and 99990 more", warning);
  }

  @Test
  void aFewUnknownKeysAreAllNamed() {
    parse("{" + KEY + ", \"colour\": \"blue\", \"size\": 3}");
    assertEquals(List.of("config has unknown keys, ignored: colour, size"), warnings);
  }

  @Test
  void aUserAgentWithALineBreakIsRejectedBeforeAnyRequest() {
    String message = fails("{" + KEY + ", \"user_agent\": \"tap-lever\\r\\nX-Injected: 1\"}");
    assertTrue(message.startsWith("config key 'user_agent' is sent as an HTTP header"), message);
    assertFalse(message.contains("X-Injected"), message);
    assertTrue(fails("{" + KEY + ", \"user_agent\": \"tap-lever (é)\"}")
        .contains("printable ASCII"));
    assertTrue(fails("{" + KEY + ", \"user_agent\": \"a\\u0000b\"}").contains("printable ASCII"));
  }

  @Test
  void urlsWithUserInfoAreRejectedWithoutEchoingIt() {
    for (String key : List.of("base_url", "token_url", "authorize_url")) {
      String message = fails("{" + KEY + ", \"" + key + "\": \"https://user:PASSWORD@api.lever.co/v1\"}");
      assertTrue(message.contains("'" + key + "' must be https://host/path without a user name"
          + " or password"), message);
      assertTrue(message.contains("https://api.lever.co/v1"), message);
      assertFalse(message.contains("PASSWORD") || message.contains("user:"), message);
    }
  }

  @Test
  void urlMessagesNeverShowAQuery() {
    String http = fails("{" + KEY + ", \"base_url\": \"http://api.lever.co/v1?api_key=QSECRET\"}");
    assertEquals("config key 'base_url' must use https (plain http is allowed only for 127.0.0.1,"
        + " localhost or [::1]), not http://api.lever.co/v1", http);
    String invalid = fails("{" + KEY + ", \"base_url\": \"https://api lever.co/v1?api_key=QSECRET\"}");
    assertTrue(invalid.contains("is not a valid URL"), invalid);
    assertFalse(invalid.contains("QSECRET"), invalid);
    String noHost = fails("{" + KEY + ", \"token_url\": \"https:/oauth?token=QSECRET#frag\"}");
    assertFalse(noHost.contains("QSECRET") || noHost.contains("frag"), noHost);
  }

  @Test
  void unknownFieldsIsKeepOrDrop() {
    assertEquals(UnknownFields.DROP, parse("{" + KEY + ", \"unknown_fields\": \"drop\"}").engine().unknownFields());
    assertEquals(UnknownFields.KEEP, parse("{" + KEY + ", \"unknown_fields\": \"KEEP\"}").engine().unknownFields());
    assertEquals("config key 'unknown_fields' must be one of keep, drop, not 'strip'",
        fails("{" + KEY + ", \"unknown_fields\": \"strip\"}"));
  }

  @Test
  void piiHashReadsItsSaltFromTheNamedEnvironmentVariable() {
    TapConfig c = parse("{" + KEY + ", \"pii\": {\"mode\": \"hash\", \"salt_env\": \"PII_SALT\","
        + " \"fields\": [\"opportunities.emails\", \"opportunities.phones.value\"]}}",
        Map.of("PII_SALT", "salt-SECRET-99"));
    assertEquals(PiiPolicy.Mode.HASH, c.pii().mode());
    assertEquals(Optional.of(Secret.of("salt-SECRET-99")), c.pii().salt());
    assertEquals(List.of(new PiiPolicy.Field("opportunities", List.of("emails")),
        new PiiPolicy.Field("opportunities", List.of("phones", "value"))), c.pii().fields().get());
    assertFalse(c.toString().contains("salt-SECRET-99"), "the salt prints as ***");
  }

  @Test
  void piiHashWithoutAUsableSaltIsAConfigErrorThatNeverShowsAValue() {
    assertTrue(fails("{" + KEY + ", \"pii\": {\"mode\": \"hash\"}}")
        .startsWith("config key 'pii.salt_env' is missing"));
    assertEquals("config key 'pii.salt_env' names the environment variable PII_SALT, which is not"
        + " set or empty; it must hold the HMAC secret for pii mode 'hash'",
        fails("{" + KEY + ", \"pii\": {\"mode\": \"hash\", \"salt_env\": \"PII_SALT\"}}"));
    assertTrue(fails("{" + KEY + ", \"pii\": {\"mode\": \"hash\", \"salt_env\": \"PII_SALT\"}}",
        Map.of("PII_SALT", "")).contains("not set or empty"));
    assertTrue(fails("{" + KEY + ", \"pii\": {\"mode\": \"hash\", \"salt_env\": \"1-bad\"}}")
        .contains("must be the name of an environment variable"));
  }

  @Test
  void piiKeepAndDropNeedNoSalt() {
    TapConfig c = parse("{" + KEY + ", \"pii\": {\"mode\": \"drop\", \"salt_env\": \"UNSET\"}}");
    assertEquals(PiiPolicy.Mode.DROP, c.pii().mode());
    assertEquals(Optional.empty(), c.pii().salt());
  }

  @Test
  void piiShapesAreChecked() {
    assertEquals("config key 'pii' must be a JSON object", fails("{" + KEY + ", \"pii\": \"hash\"}"));
    assertEquals("config key 'pii.mode' must be one of keep, hash, drop, not 'mask'",
        fails("{" + KEY + ", \"pii\": {\"mode\": \"mask\"}}"));
    assertTrue(fails("{" + KEY + ", \"pii\": {\"fields\": [\"emails\"]}}")
        .contains("must hold strings shaped like \"opportunities.emails\"; item 1 is not"));
    assertTrue(fails("{" + KEY + ", \"pii\": {\"fields\": \"opportunities.emails\"}}")
        .contains("must be a list of strings"));
    assertTrue(fails("{" + KEY + ", \"pii\": {\"mdoe\": \"hash\"}}")
        .contains("'pii' has an unknown key 'mdoe'; expected mode, fields, salt_env"));
  }
}
