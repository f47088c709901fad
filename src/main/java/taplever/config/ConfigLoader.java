package taplever.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import taplever.error.InputException;

/**
 * Reads and validates the config once, from the declarations in {@link Settings}. Each error
 * names the key and what was expected, and never echoes a credential's value.
 */
public final class ConfigLoader {

  /** What the config is for: a sync needs complete credentials, a login only the OAuth app. */
  public enum Purpose { SYNC, LOGIN }

  /** How many unknown keys a warning names; the rest are counted. */
  static final int UNKNOWN_KEYS_NAMED = 10;

  private static final String START_DATE_SHAPES = "an RFC3339 timestamp such as"
      + " 2024-01-01T00:00:00Z or a date such as 2024-01-01 (midnight UTC)";

  private final ObjectMapper mapper = new ObjectMapper();
  private final Consumer<String> warnings;
  private final String defaultUserAgent;
  private final Clock clock;
  private final Environment environment;

  /**
   * @param clock "now", which {@code start_date} may not be after
   * @param environment where {@code pii.salt_env} is looked up
   */
  public ConfigLoader(Consumer<String> warnings, String defaultUserAgent, Clock clock,
      Environment environment) {
    this.warnings = warnings;
    this.defaultUserAgent = defaultUserAgent;
    this.clock = clock;
    this.environment = environment;
  }

  public TapConfig load(Path path, Purpose purpose) {
    return parse(JsonFile.read(mapper, path, "config"), Optional.of(path), purpose);
  }

  public TapConfig parse(JsonNode root, Optional<Path> source, Purpose purpose) {
    if (root == null || !root.isObject()) {
      throw new InputException("config must be a JSON object");
    }
    warnUnknownKeys(root);
    Credentials credentials = credentials(root, purpose, source);
    Instant startDate = purpose == Purpose.SYNC
        ? startDate(root).orElseThrow(() -> missing(Settings.START_DATE,
            START_DATE_SHAPES))
        : startDate(root).orElse(Instant.EPOCH);
    Region region = Region.parse(Settings.REGION.read(root, "")).orElseThrow();
    String baseUrl = Settings.BASE_URL.read(root, "").map(ConfigLoader::withoutTrailingSlash)
        .orElse(region.baseUrl());
    String authorizeUrl = Settings.AUTHORIZE_URL.read(root, "").orElse(region.authorizeUrl());
    HttpSettings http = HttpSettings.read(root, baseUrl, defaultUserAgent);
    EngineSettings engine = EngineSettings.read(root, startDate, http.maxConcurrency());
    return new TapConfig(credentials, source, Settings.SCOPES.read(root, ""), region,
        authorizeUrl, http, engine, pii(root));
  }

  /** Names the first few (sorted) and counts the rest: a config can hold millions. */
  private void warnUnknownKeys(JsonNode root) {
    Set<String> known = Settings.topLevelKeys();
    TreeSet<String> first = new TreeSet<>();
    int count = 0;
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (known.contains(key)) {
        continue;
      }
      count++;
      first.add(key.length() <= 60 ? key : key.substring(0, 60) + "…");
      if (first.size() > UNKNOWN_KEYS_NAMED) {
        first.pollLast();
      }
    }
    if (count > 0) {
      warnings.accept("config has unknown keys, ignored: " + String.join(", ", first)
          + (count > first.size() ? " and " + (count - first.size()) + " more" : ""));
    }
  }

  private Credentials credentials(JsonNode root, Purpose purpose, Optional<Path> source) {
    Optional<String> key = Settings.API_KEY.read(root, "");
    boolean oauth = root.has(Settings.CLIENT_ID.name()) || root.has(Settings.CLIENT_SECRET.name())
        || root.has(Settings.REFRESH_TOKEN.name());
    if (key.isPresent() && oauth) {
      throw new InputException("config has both an API key ('api_key') and OAuth keys ('client_id',"
          + " 'client_secret', 'refresh_token'); keep one way of authenticating");
    }
    // Checked whatever the credentials: every key is validated before any request.
    Optional<String> tokenUrl = Settings.TOKEN_URL.read(root, "");
    if (purpose == Purpose.SYNC && key.isPresent()) {
      return new Credentials.ApiKey(Secret.of(key.get()));
    }
    if (!oauth) {
      throw new InputException(purpose == Purpose.LOGIN
          ? "config needs 'client_id' and 'client_secret' (the OAuth app Lever issued) for login"
          : "config needs credentials: 'api_key' (a Lever API key), or 'client_id', 'client_secret'"
              + " and 'refresh_token' for OAuth");
    }
    String clientId = Settings.CLIENT_ID.read(root, "")
        .orElseThrow(() -> missing(Settings.CLIENT_ID, "the OAuth client id Lever issued"));
    Secret clientSecret = Secret.of(Settings.CLIENT_SECRET.read(root, "")
        .orElseThrow(() -> missing(Settings.CLIENT_SECRET, "the OAuth client secret")));
    Secret refresh = purpose == Purpose.LOGIN
        ? Secret.of(Settings.REFRESH_TOKEN.read(root, "").orElse(""))
        : newest(Secret.of(Settings.REFRESH_TOKEN.read(root, "").orElseThrow(() -> missing(
            Settings.REFRESH_TOKEN,
            "an OAuth refresh token (run 'tap-lever login --config FILE' to get one)"))), source);
    // Lenient here: an unknown region is reported by the region check, after the credentials.
    String region = root.path(Settings.REGION.name()).asText("us").toLowerCase(Locale.ROOT);
    return new Credentials.OAuth(clientId, clientSecret, refresh, tokenUrl
        .orElse(Region.parse(region).map(Region::tokenUrl).orElse(Region.US.tokenUrl())));
  }

  /** The config's token, unless an earlier run left a newer one beside it. */
  private Secret newest(Secret configured, Optional<Path> source) {
    if (source.isEmpty()) {
      return configured;
    }
    RefreshTokenFile pending = RefreshTokenFile.beside(source.get());
    Optional<Secret> waiting = pending.newerThan(configured);
    waiting.ifPresent(t -> warnings.accept("using the refresh token kept in " + pending.path()
        + ": the last run could not save it in the config, which gets the next rotated one"));
    return waiting.orElse(configured);
  }

  /** The earliest instant a state may hold (singer.Bookmark.EARLIEST, not importable here). */
  private static final Instant EARLIEST_START = Instant.parse("0000-01-01T00:00:00Z");

  private Optional<Instant> startDate(JsonNode root) {
    Optional<String> value = Settings.START_DATE.read(root, "");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Instant start = instantOrDate(value.get()).orElseThrow(() -> new InputException(
        "config key 'start_date' must be " + START_DATE_SHAPES + ", not '" + value.get() + "'"));
    if (start.isBefore(EARLIEST_START)) {
      // Windows and the rolling refresh reckon from start_date and save instants in the state,
      // which is refused beyond year 0000 when it is read back (singer.Bookmark's range).
      throw new InputException("config key 'start_date' is before the year 0000 ("
          + value.get() + "); Lever holds nothing that old");
    }
    Instant now = clock.instant();
    if (start.isAfter(now)) {
      throw new InputException("config key 'start_date' is in the future (" + value.get()
          + "); nothing after now (" + now + ") can be synced, so it must not be later");
    }
    return Optional.of(start);
  }

  /**
   * An RFC3339 instant, or a date ({@code 2024-01-15}, two-digit month and day, as Meltano's
   * {@code date_iso8601} settings and most people write it) as midnight UTC. Anything else,
   * a date-time without its offset included, is no start date.
   */
  static Optional<Instant> instantOrDate(String value) {
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException notAnInstant) {
      try {
        return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private PiiPolicy pii(JsonNode root) {
    JsonNode pii = Settings.PII.read(root);
    PiiPolicy.Mode mode = PiiPolicy.Mode.parse(Settings.PII_MODE.read(pii, "pii."));
    Optional<java.util.List<PiiPolicy.Field>> fields = Settings.PII_FIELDS.read(pii, "pii.")
        .map(list -> list.stream().map(PiiPolicy.Field::parse).toList());
    Optional<String> saltEnv = Settings.PII_SALT_ENV.read(pii, "pii.");
    if (mode != PiiPolicy.Mode.HASH) {
      return new PiiPolicy(mode, fields, Optional.empty());
    }
    String name = saltEnv.orElseThrow(() -> new InputException("config key 'pii.salt_env' is"
        + " missing: pii mode 'hash' needs the name of an environment variable holding the HMAC"
        + " secret"));
    String salt = environment.variable(name).orElse("");
    if (salt.isEmpty()) {
      throw new InputException("config key 'pii.salt_env' names the environment variable " + name
          + ", which is not set or empty; it must hold the HMAC secret for pii mode 'hash'");
    }
    return new PiiPolicy(mode, fields, Optional.of(Secret.of(salt)));
  }

  private static InputException missing(Setting setting, String expected) {
    return new InputException("config key '" + setting.name() + "' is missing: expected "
        + expected);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
