package taplever.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import taplever.config.Credentials;
import taplever.config.Region;
import taplever.config.Secret;
import taplever.config.TapConfig;

/** TapConfig values for tests, pointing at a MockWebServer. */
public final class TestConfigs {
  static final String USER_AGENT = "tap-lever/test";

  private TestConfigs() {
  }

  static TapConfig apiKey(String baseUrl, String key) {
    return config(new Credentials.ApiKey(Secret.of(key)), baseUrl, Duration.ofSeconds(10), 8, 100);
  }

  public static TapConfig oauth(String baseUrl, String tokenUrl, String clientSecret, String refresh) {
    return config(new Credentials.OAuth("client-1", Secret.of(clientSecret), Secret.of(refresh),
        tokenUrl), baseUrl, Duration.ofSeconds(10), 8, 100);
  }

  static TapConfig config(Credentials credentials, String baseUrl, Duration maxRetry,
      int maxConcurrency, int burst) {
    return new TapConfig(credentials, Instant.parse("2024-01-01T00:00:00Z"), USER_AGENT, Region.US,
        baseUrl, Region.US.authorizeUrl(), 100, maxConcurrency, 10.0, burst, maxRetry,
        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofDays(7), Duration.ofDays(7),
        Optional.empty(), Optional.empty());
  }

  static TapConfig withMaxRetry(TapConfig c, Duration maxRetry) {
    return config(c.credentials(), c.baseUrl(), maxRetry, c.maxConcurrency(), c.burst());
  }
}
