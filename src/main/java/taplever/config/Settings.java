package taplever.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import taplever.config.Setting.TextKind;

/**
 * Every config key the tap reads, in the order people read them. {@link ConfigLoader} validates
 * and defaults from these declarations, {@code --about} prints them, and a test keeps the
 * README's table equal to them: adding a setting means adding one entry here.
 */
public final class Settings {
  private Settings() {}

  public static final Setting.Text API_KEY = Setting.Text.of("api_key", "Lever API key (Settings >"
      + " Integrations and API > API Credentials). 'token' is accepted as an alias.")
      .secretValue().alias("token");
  public static final Setting.Text CLIENT_ID = Setting.Text.of("client_id", "OAuth client id of a"
      + " Lever partner app (instead of api_key).");
  public static final Setting.Text CLIENT_SECRET = Setting.Text.of("client_secret",
      "OAuth client secret.").secretValue();
  public static final Setting.Text REFRESH_TOKEN = Setting.Text.of("refresh_token", "OAuth"
      + " refresh token; 'tap-lever login' writes it, and the tap writes every rotated one back"
      + " into the config file.").secretValue();
  public static final Setting.Text TOKEN_URL = Setting.Text.of("token_url", "OAuth token URL;"
      + " defaults to the region's.").kind(TextKind.URL);
  public static final Setting.Text AUTHORIZE_URL = Setting.Text.of("authorize_url", "OAuth"
      + " authorize URL for 'tap-lever login'; defaults to the region's.").kind(TextKind.URL);
  public static final Setting.Text SCOPES = Setting.Text.of("scopes", "Space-separated OAuth"
      + " scopes for 'tap-lever login'; defaults to what the selected streams need.");
  public static final Setting.Text START_DATE = Setting.Text.of("start_date", "RFC3339 instant"
      + " (2024-01-15T00:00:00Z) or a date (2024-01-15, midnight UTC), not in the future: records"
      + " whose replication key is older are not synced.").kind(TextKind.DATE_TIME);
  public static final Setting.Text USER_AGENT = Setting.Text.of("user_agent", "User-Agent sent to"
      + " Lever; put a contact in it (printable ASCII).").kind(TextKind.HEADER_VALUE)
      .shown("tap-lever/<version>");
  public static final Setting.Choice REGION = new Setting.Choice("region",
      Arrays.stream(Region.values()).map(Region::configName).toList(), Region.US.configName(),
      "us, eu or sandbox: which Lever host to use.");
  public static final Setting.Text BASE_URL = Setting.Text.of("base_url", "Overrides region"
      + " (https; plain http only to loopback, for the fake server).").kind(TextKind.URL);
  public static final Setting.Whole PAGE_SIZE = new Setting.Whole("page_size", 100, 1, 100,
      "Records per page, 1-100.");
  public static final Setting.Whole MAX_CONCURRENCY = new Setting.Whole("max_concurrency", 8, 1,
      64, "Parallel child requests.");
  public static final Setting.Decimal REQUESTS_PER_SECOND = new Setting.Decimal(
      "requests_per_second", 10, 0.1, 1000, "Client-side rate limit (Lever allows 10 per key).");
  public static final Setting.Whole BURST = new Setting.Whole("burst", 18, 1, 1000, "Requests"
      + " allowed at once above the steady rate (Lever allows 20; 18 leaves room for network"
      + " jitter).");
  public static final Setting.Whole MAX_RETRY_SECONDS = new Setting.Whole("max_retry_seconds",
      300, 1, 86_400, "How long to retry 429, 5xx and network errors before failing.");
  public static final Setting.Whole CONNECT_TIMEOUT_SECONDS = new Setting.Whole(
      "connect_timeout_seconds", 10, 1, 600, "TCP/TLS connect timeout.");
  public static final Setting.Whole READ_TIMEOUT_SECONDS = new Setting.Whole(
      "read_timeout_seconds", 60, 1, 3600, "Read timeout per response.");
  public static final Setting.Whole CHILD_LOOKBACK_DAYS = new Setting.Whole("child_lookback_days",
      1, 0, 3650, "Child streams re-read the children of opportunities updated this many days"
          + " before the bookmark (Lever does not bump updatedAt for offer status changes or"
          + " feedback edits).");
  public static final Setting.Whole CHILD_FULL_REFRESH_DAYS = new Setting.Whole(
      "child_full_refresh_days", 30, 0, 3650, "Every child of every opportunity is read again at"
          + " least once in this many days (Lever edits some without telling); with"
          + " child_refresh rolling, archived opportunities are spread evenly over the period and"
          + " live ones are read every run. 0 turns the refresh off.");
  public static final Setting.Choice CHILD_REFRESH = new Setting.Choice("child_refresh",
      List.of("rolling", "periodic"), "rolling", "rolling: the live pipeline every run and the"
          + " archived opportunities in even slices; periodic: every opportunity's children at"
          + " once, every child_full_refresh_days (v0.1).");
  public static final Setting.Choice UNKNOWN_FIELDS = new Setting.Choice("unknown_fields",
      List.of("keep", "drop"), "keep", "What to do with fields Lever sends that the stream's"
          + " schema does not declare: keep them in the record, or drop them.");

  public static final Setting.Choice PII_MODE = new Setting.Choice("mode",
      List.of("keep", "hash", "drop"), "keep", "keep personal data as Lever sends it, replace"
          + " it by an HMAC-SHA256 of it (hash), or leave it out (drop).");
  /** {@code stream.path}: a stream name, then one or more field names separated by dots. */
  public static final Setting.TextList PII_FIELDS = new Setting.TextList("fields",
      Pattern.compile("[a-z][a-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+"),
      "\"opportunities.emails\"", "The fields the mode applies to, as stream.path; replaces the"
          + " fields the schemas mark as personal data (so it can narrow or widen them).");
  public static final Setting.Text PII_SALT_ENV = Setting.Text.of("salt_env", "Name of the"
      + " environment variable holding the HMAC secret; required for mode hash. The value is"
      + " never printed.").kind(TextKind.ENV_NAME);
  public static final Setting.Group PII = new Setting.Group("pii",
      List.of(PII_MODE, PII_FIELDS, PII_SALT_ENV), "Personal data in records: what to do with it"
          + " and where it is.");

  public static final List<Setting> ALL = List.of(API_KEY, CLIENT_ID, CLIENT_SECRET,
      REFRESH_TOKEN, TOKEN_URL, AUTHORIZE_URL, SCOPES, START_DATE, USER_AGENT, REGION, BASE_URL,
      PAGE_SIZE, MAX_CONCURRENCY, REQUESTS_PER_SECOND, BURST, MAX_RETRY_SECONDS,
      CONNECT_TIMEOUT_SECONDS, READ_TIMEOUT_SECONDS, CHILD_LOOKBACK_DAYS, CHILD_FULL_REFRESH_DAYS,
      CHILD_REFRESH, UNKNOWN_FIELDS, PII);

  /** The settings a sync cannot do without, whatever the credentials. */
  public static final Set<Setting> REQUIRED = Set.of(START_DATE);

  /** Every top-level key the config may hold: names and aliases. */
  public static Set<String> topLevelKeys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Setting s : ALL) {
      keys.add(s.name());
      keys.addAll(s.aliases());
    }
    return keys;
  }

  /** Each setting under its full name ({@code pii.mode}), groups before their members. */
  public static List<Map.Entry<String, Setting>> flattened() {
    List<Map.Entry<String, Setting>> out = new ArrayList<>();
    for (Setting s : ALL) {
      out.add(Map.entry(s.name(), s));
      if (s instanceof Setting.Group g) {
        g.members().forEach(m -> out.add(Map.entry(g.name() + "." + m.name(), m)));
      }
    }
    return out;
  }
}
