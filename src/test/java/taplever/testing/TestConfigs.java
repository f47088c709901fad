package taplever.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import taplever.config.ConfigLoader;
import taplever.config.Environment;
import taplever.config.TapConfig;

/**
 * Configs for tests, read from JSON by the tap's own {@link ConfigLoader}: every value a test does
 * not name is the registry's default, so a new setting needs nothing here.
 */
public final class TestConfigs {
  public static final String USER_AGENT = "tap-lever/test";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What the client tests share: short timeouts, a burst that never makes them wait. */
  private static final String BASE = "{\"start_date\": \"2024-01-01T00:00:00Z\", \"user_agent\": \""
      + USER_AGENT + "\", \"burst\": 100, \"max_retry_seconds\": 10, \"connect_timeout_seconds\":"
      + " 5, \"read_timeout_seconds\": 5, \"child_lookback_days\": 7, \"child_full_refresh_days\":"
      + " 7}";

  private TestConfigs() {
  }

  public static TapConfig apiKey(String baseUrl, String key) {
    ObjectNode json = JSON.createObjectNode().put("api_key", key).put("base_url", baseUrl);
    return parse(json.toString());
  }

  public static TapConfig oauth(String baseUrl, String tokenUrl, String clientSecret,
      String refresh) {
    ObjectNode json = JSON.createObjectNode().put("client_id", "client-1")
        .put("client_secret", clientSecret).put("refresh_token", refresh)
        .put("token_url", tokenUrl).put("base_url", baseUrl);
    return parse(json.toString());
  }

  /**
   * The shared base with the keys of {@code json} added or replaced; any warning (a misspelt key)
   * fails the test.
   */
  public static TapConfig parse(String json) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(BASE);
      root.setAll((ObjectNode) JSON.readTree(json));
      return new ConfigLoader(w -> {
        throw new AssertionError(w);
      }, USER_AGENT, Clock.systemUTC(), Environment.of(Map.of()))
          .parse(root, Optional.empty(), ConfigLoader.Purpose.SYNC);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  public static TapConfig withMaxRetry(TapConfig config, java.time.Duration maxRetry) {
    return http(config, "maxRetry", maxRetry);
  }

  /**
   * The config with one {@code http} value a config file cannot hold (a timeout under a second),
   * by the record component's name, so that adding a setting changes nothing here.
   */
  public static TapConfig http(TapConfig config, String component, Object value) {
    return with(config, "http", with(config.http(), component, value));
  }

  private static <R extends Record> R with(R record, String component, Object value) {
    RecordComponent[] parts = record.getClass().getRecordComponents();
    Class<?>[] types = new Class<?>[parts.length];
    Object[] values = new Object[parts.length];
    boolean found = false;
    try {
      for (int i = 0; i < parts.length; i++) {
        types[i] = parts[i].getType();
        found |= parts[i].getName().equals(component);
        values[i] = parts[i].getName().equals(component) ? value
            : parts[i].getAccessor().invoke(record);
      }
      if (!found) {
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no "
            + component);
      }
      @SuppressWarnings("unchecked")
      R copy = (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
      return copy;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
