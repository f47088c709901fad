package taplever.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import taplever.error.InputException;

/**
 * Reads and validates the config file once. Each error names the key and what was expected, and
 * never echoes a credential's value.
 */
public final class ConfigLoader {

  /** What the config is for: a sync needs complete credentials, a login only the OAuth app. */
  public enum Purpose { SYNC, LOGIN }

  static final Set<String> KNOWN_KEYS = Set.of(
      "api_key", "token", "client_id", "client_secret", "refresh_token", "token_url",
      "authorize_url", "scopes", "start_date", "user_agent", "region", "base_url", "page_size",
      "max_concurrency", "requests_per_second", "burst", "max_retry_seconds",
      "connect_timeout_seconds", "read_timeout_seconds", "child_lookback_days",
      "child_full_refresh_days");

  private final ObjectMapper mapper = new ObjectMapper();
  private final Consumer<String> warnings;
  private final String defaultUserAgent;

  public ConfigLoader(Consumer<String> warnings, String defaultUserAgent) {
    this.warnings = warnings;
    this.defaultUserAgent = defaultUserAgent;
  }

  public TapConfig load(Path path, Purpose purpose) {
    return parse(JsonFile.read(mapper, path, "config"), Optional.of(path), purpose);
  }

  public TapConfig parse(JsonNode root, Optional<Path> source, Purpose purpose) {
    if (root == null || !root.isObject()) {
      throw new InputException("config must be a JSON object");
    }
    warnUnknownKeys(root);
    Credentials credentials = credentials(root, purpose);
    Instant startDate = purpose == Purpose.SYNC
        ? timestamp(root, "start_date")
        : optionalText(root, "start_date").map(v -> timestamp(root, "start_date")).orElse(Instant.EPOCH);
    Region region = optionalText(root, "region")
        .map(name -> Region.parse(name.toLowerCase(Locale.ROOT)).orElseThrow(() -> new InputException(
            "config key 'region' must be one of " + Region.names() + ", not '" + name + "'")))
        .orElse(Region.US);
    String baseUrl = optionalText(root, "base_url").map(ConfigLoader::checkedUrl)
        .map(ConfigLoader::withoutTrailingSlash).orElse(region.baseUrl());
    String authorizeUrl = optionalText(root, "authorize_url").map(ConfigLoader::checkedUrl)
        .orElse(region.authorizeUrl());
    return new TapConfig(
        credentials,
        startDate,
        optionalText(root, "user_agent").orElse(defaultUserAgent),
        region,
        baseUrl,
        authorizeUrl,
        (int) number(root, "page_size", TapConfig.DEFAULT_PAGE_SIZE, 1, 100),
        (int) number(root, "max_concurrency", TapConfig.DEFAULT_MAX_CONCURRENCY, 1, 64),
        number(root, "requests_per_second", TapConfig.DEFAULT_REQUESTS_PER_SECOND, 0.1, 1000),
        (int) number(root, "burst", TapConfig.DEFAULT_BURST, 1, 1000),
        Duration.ofSeconds((long) number(root, "max_retry_seconds", 300, 1, 86_400)),
        Duration.ofSeconds((long) number(root, "connect_timeout_seconds", 10, 1, 600)),
        Duration.ofSeconds((long) number(root, "read_timeout_seconds", 60, 1, 3600)),
        Duration.ofDays((long) number(root, "child_lookback_days", 1, 0, 3650)),
        Duration.ofDays((long) number(root, "child_full_refresh_days", 7, 0, 3650)),
        optionalText(root, "scopes"),
        source);
  }

  private void warnUnknownKeys(JsonNode root) {
    Set<String> unknown = new TreeSet<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KNOWN_KEYS.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      warnings.accept("config has unknown keys, ignored: " + String.join(", ", unknown));
    }
  }

  private Credentials credentials(JsonNode root, Purpose purpose) {
    Optional<String> apiKey = optionalText(root, "api_key");
    Optional<String> token = optionalText(root, "token");
    if (apiKey.isPresent() && token.isPresent() && !apiKey.equals(token)) {
      throw new InputException("config has both 'api_key' and its alias 'token' with different values;"
          + " keep one");
    }
    Optional<String> key = apiKey.or(() -> token);
    boolean oauth = root.has("client_id") || root.has("client_secret") || root.has("refresh_token");
    if (key.isPresent() && oauth) {
      throw new InputException("config has both an API key ('api_key') and OAuth keys ('client_id',"
          + " 'client_secret', 'refresh_token'); keep one way of authenticating");
    }
    if (purpose == Purpose.SYNC && key.isPresent()) {
      return new Credentials.ApiKey(Secret.of(key.get()));
    }
    if (!oauth) {
      throw new InputException(purpose == Purpose.LOGIN
          ? "config needs 'client_id' and 'client_secret' (the OAuth app Lever issued) for login"
          : "config needs credentials: 'api_key' (a Lever API key), or 'client_id', 'client_secret'"
              + " and 'refresh_token' for OAuth");
    }
    String clientId = requiredText(root, "client_id", "the OAuth client id Lever issued");
    Secret clientSecret = Secret.of(requiredText(root, "client_secret", "the OAuth client secret"));
    Secret refresh = purpose == Purpose.LOGIN
        ? Secret.of(optionalText(root, "refresh_token").orElse(""))
        : Secret.of(requiredText(root, "refresh_token",
            "an OAuth refresh token (run 'tap-lever login --config FILE' to get one)"));
    String region = optionalText(root, "region").orElse("us").toLowerCase(Locale.ROOT);
    String tokenUrl = optionalText(root, "token_url").map(ConfigLoader::checkedUrl)
        .orElse(Region.parse(region).map(Region::tokenUrl).orElse(Region.US.tokenUrl()));
    return new Credentials.OAuth(clientId, clientSecret, refresh, tokenUrl);
  }

  private static String requiredText(JsonNode root, String key, String expected) {
    return optionalText(root, key).orElseThrow(() ->
        new InputException("config key '" + key + "' is missing: expected " + expected));
  }

  private static Optional<String> optionalText(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new InputException("config key '" + key + "' must be a string");
    }
    String value = node.asText().strip();
    if (value.isEmpty()) {
      throw new InputException("config key '" + key + "' is empty");
    }
    return Optional.of(value);
  }

  private static Instant timestamp(JsonNode root, String key) {
    String value = requiredText(root, key, "an RFC3339 timestamp such as 2024-01-01T00:00:00Z");
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InputException("config key '" + key + "' must be an RFC3339 timestamp such as"
          + " 2024-01-01T00:00:00Z, not '" + value + "'");
    }
  }

  private static double number(JsonNode root, String key, double fallback, double min, double max) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    double value;
    if (node.isNumber()) {
      value = node.asDouble();
    } else if (node.isTextual() && node.asText().strip().matches("[0-9]+(\\.[0-9]+)?")) {
      value = Double.parseDouble(node.asText().strip());
    } else {
      throw new InputException("config key '" + key + "' must be a number from " + show(min)
          + " to " + show(max));
    }
    if (value < min || value > max) {
      throw new InputException("config key '" + key + "' must be from " + show(min) + " to "
          + show(max) + ", not " + show(value));
    }
    return value;
  }

  private static String show(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** https only, except plain http to this machine, which tests and the fake server need. */
  static String checkedUrl(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InputException("config URL '" + value + "' is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : IDN.toASCII(uri.getHost()).toLowerCase(Locale.ROOT);
    if (host.isEmpty() || uri.getUserInfo() != null) {
      throw new InputException("config URL '" + value + "' must be https://host/path");
    }
    if (scheme.equals("https")) {
      return value;
    }
    if (scheme.equals("http") && isLoopback(host)) {
      return value;
    }
    throw new InputException("config URL '" + value + "' must use https (plain http is allowed"
        + " only for 127.0.0.1, localhost or [::1])");
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
        || host.equals("[::1]")
        || host.equals("::1");
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
