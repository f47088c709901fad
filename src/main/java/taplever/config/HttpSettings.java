package taplever.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * How the tap talks to Lever: {@code http.LeverHttp} builds the run's client from these alone.
 * A new HTTP setting is a field here, read in {@link #read}, and its {@link Settings} entry.
 *
 * @param maxConcurrency also the engine's ({@link EngineSettings#maxConcurrency}): the client
 *     keeps that many connections so no child request waits for one
 */
public record HttpSettings(
    String baseUrl,
    String userAgent,
    int pageSize,
    int maxConcurrency,
    double requestsPerSecond,
    int burst,
    Duration maxRetry,
    Duration connectTimeout,
    Duration readTimeout) {

  /**
   * @param baseUrl resolved by the loader from {@code base_url} and the region
   * @param defaultUserAgent this build's, when the config names none
   */
  static HttpSettings read(JsonNode root, String baseUrl, String defaultUserAgent) {
    return new HttpSettings(
        baseUrl,
        Settings.USER_AGENT.read(root, "").orElse(defaultUserAgent),
        (int) Settings.PAGE_SIZE.read(root),
        (int) Settings.MAX_CONCURRENCY.read(root),
        Settings.REQUESTS_PER_SECOND.read(root),
        (int) Settings.BURST.read(root),
        Duration.ofSeconds(Settings.MAX_RETRY_SECONDS.read(root)),
        Duration.ofSeconds(Settings.CONNECT_TIMEOUT_SECONDS.read(root)),
        Duration.ofSeconds(Settings.READ_TIMEOUT_SECONDS.read(root)));
  }
}
