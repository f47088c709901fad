package taplever.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The validated config. Built by {@link ConfigLoader} from the {@link Settings} registry;
 * everything downstream trusts it.
 *
 * @param source the file it came from, so a rotated OAuth refresh token can be written back
 * @param unknownFields {@code unknown_fields}: keep or drop fields the schemas do not declare
 * @param pii {@code pii}: what to do with personal data, and the HMAC secret when hashing
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
    Optional<Path> source,
    UnknownFields unknownFields,
    PiiPolicy pii,
    ChildRefresh childRefresh) {

  public static final int DEFAULT_PAGE_SIZE = (int) Settings.PAGE_SIZE.defaultValue();
  public static final int DEFAULT_MAX_CONCURRENCY = (int) Settings.MAX_CONCURRENCY.defaultValue();
  public static final double DEFAULT_REQUESTS_PER_SECOND =
      Settings.REQUESTS_PER_SECOND.defaultValue();
  public static final int DEFAULT_BURST = (int) Settings.BURST.defaultValue();

  /**
   * A config with the registry's defaults for the settings added after v0.1 ({@code
   * unknown_fields}, {@code pii}), for tests that build one by hand.
   */
  public TapConfig(Credentials credentials, Instant startDate, String userAgent, Region region,
      String baseUrl, String authorizeUrl, int pageSize, int maxConcurrency,
      double requestsPerSecond, int burst, Duration maxRetry, Duration connectTimeout,
      Duration readTimeout, Duration childLookback, Duration childFullRefresh,
      Optional<String> scopes, Optional<Path> source) {
    this(credentials, startDate, userAgent, region, baseUrl, authorizeUrl, pageSize,
        maxConcurrency, requestsPerSecond, burst, maxRetry, connectTimeout, readTimeout,
        childLookback, childFullRefresh, scopes, source, UnknownFields.byDefault(),
        PiiPolicy.byDefault(), ChildRefresh.byDefault());
  }
}
