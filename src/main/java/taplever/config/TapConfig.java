package taplever.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The validated config. Built only by {@link ConfigLoader}; everything downstream trusts it.
 *
 * @param source the file it came from, so a rotated OAuth refresh token can be written back
 */
public record TapConfig(
    Credentials credentials,
    Instant startDate,
    String userAgent,
    Region region,
    String baseUrl,
    String authorizeUrl,
    int pageSize,
    int maxConcurrency,
    double requestsPerSecond,
    int burst,
    Duration maxRetry,
    Duration connectTimeout,
    Duration readTimeout,
    Duration childLookback,
    Duration childFullRefresh,
    Optional<String> scopes,
    Optional<Path> source) {

  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int DEFAULT_MAX_CONCURRENCY = 8;
  public static final double DEFAULT_REQUESTS_PER_SECOND = 10.0;
  public static final int DEFAULT_BURST = 18;
}
