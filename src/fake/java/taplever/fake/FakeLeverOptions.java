package taplever.fake;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How a {@link FakeLever} behaves. Start from {@link #defaults()} and change fields with the {@code
 * withX} copies.
 *
 * @param seed dataset seed: equal seeds and counts give identical datasets
 * @param opportunities number of live opportunities generated
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param apiKey the key accepted as HTTP Basic user name (empty password)
 * @param rateLimit whether the per-credential token bucket answers 429
 * @param requestsPerSecond steady refill rate of the bucket
 * @param burst bucket capacity
 * @param retryAfterHeader whether 429s carry {@code Retry-After}
 * @param latencyMs sleep before answering each data request
 * @param faultEvery N > 0: every Nth data request fails (5xx, truncated body, dropped connection)
 * @param clientId OAuth client id
 * @param clientSecret OAuth client secret
 * @param refreshToken the refresh token valid at start
 * @param accessTokenTtlSeconds {@code expires_in} of issued access tokens
 * @param strictRotation a used refresh token is invalid at once
 * @param clock "now" for mutations, "now" defaults (EEO window) and token expiry (never for
 *     generated data)
 * @param liveShare share of generated opportunities that are not archived (default 0.65)
 * @param newFields schema drift: records carry fields no schema declares (default off)
 * @param deniedScopes scopes the API key and every OAuth token lack: endpoints needing one answer
 *     403 (see {@link EndpointScopes})
 * @param tokenScopesEnforced OAuth tokens may also use only the scopes they were granted (default
 *     off: only their confidential scope is checked, as before)
 * @param confidentialAccess whether the API key and tokens may read confidential records; without
 *     it {@code confidentiality=all|confidential} answers 403
 * @param addOns whether the account has the audit-events and EEO add-ons; without them {@code
 *     /audit_events} and {@code /eeo/responses/pii} answer 403
 * @param deletedPostingsEndpoint whether {@code /postings/deleted} exists (it is not in Lever's
 *     reference); off, it answers 404 like any unknown path
 */
public record FakeLeverOptions(
    long seed,
    int opportunities,
    int port,
    String apiKey,
    boolean rateLimit,
    double requestsPerSecond,
    int burst,
    boolean retryAfterHeader,
    int latencyMs,
    int faultEvery,
    String clientId,
    String clientSecret,
    String refreshToken,
    long accessTokenTtlSeconds,
    boolean strictRotation,
    Clock clock,
    double liveShare,
    boolean newFields,
    Set<String> deniedScopes,
    boolean tokenScopesEnforced,
    boolean confidentialAccess,
    boolean addOns,
    boolean deletedPostingsEndpoint) {

  public FakeLeverOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
    }
    notNegative("opportunities", opportunities);
    notNegative("latencyMs", latencyMs);
    notNegative("faultEvery", faultEvery);
    if (rateLimit && (requestsPerSecond <= 0 || burst < 1)) {
      throw new IllegalArgumentException("requestsPerSecond must be > 0 and burst >= 1");
    }
    if (apiKey == null
        || clientId == null
        || clientSecret == null
        || refreshToken == null
        || clock == null
        || deniedScopes == null) {
      throw new IllegalArgumentException(
          "apiKey, clientId, clientSecret, refreshToken and clock are required");
    }
    if (!(liveShare >= 0 && liveShare <= 1)) {
      throw new IllegalArgumentException("liveShare must be within 0..1");
    }
    deniedScopes = Set.copyOf(deniedScopes);
  }

  private static void notNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more, not " + value);
    }
  }

  /**
   * Seed 42, 200 opportunities, ephemeral port, Lever's default limits (10/s, burst 20), no faults,
   * every scope, confidential access and both add-ons granted, {@code /postings/deleted} served.
   */
  public static FakeLeverOptions defaults() {
    return new FakeLeverOptions(
        42,
        200,
        0,
        "fake-api-key",
        true,
        10,
        20,
        true,
        0,
        0,
        "fake-client-id",
        "fake-client-secret",
        "fake-refresh-0",
        3600,
        true,
        Clock.systemUTC(),
        DatasetSpec.DEFAULT_LIVE_SHARE,
        false,
        Set.of(),
        false,
        true,
        true,
        true);
  }

  public FakeLeverOptions withSeed(long value) {
    return copy(c -> c.seed = value);
  }

  public FakeLeverOptions withOpportunities(int value) {
    return copy(c -> c.opportunities = value);
  }

  public FakeLeverOptions withPort(int value) {
    return copy(c -> c.port = value);
  }

  public FakeLeverOptions withApiKey(String value) {
    return copy(c -> c.apiKey = value);
  }

  public FakeLeverOptions withRateLimit(boolean value) {
    return copy(c -> c.rateLimit = value);
  }

  /** Turns the limiter on with the given steady rate and burst. */
  public FakeLeverOptions withRateLimit(double perSecond, int burstSize) {
    return copy(
        c -> {
          c.rateLimit = true;
          c.requestsPerSecond = perSecond;
          c.burst = burstSize;
        });
  }

  public FakeLeverOptions withRequestsPerSecond(double value) {
    return copy(c -> c.requestsPerSecond = value);
  }

  public FakeLeverOptions withBurst(int value) {
    return copy(c -> c.burst = value);
  }

  public FakeLeverOptions withRetryAfterHeader(boolean value) {
    return copy(c -> c.retryAfterHeader = value);
  }

  public FakeLeverOptions withLatencyMs(int value) {
    return copy(c -> c.latencyMs = value);
  }

  public FakeLeverOptions withFaultEvery(int value) {
    return copy(c -> c.faultEvery = value);
  }

  public FakeLeverOptions withClientId(String value) {
    return copy(c -> c.clientId = value);
  }

  public FakeLeverOptions withClientSecret(String value) {
    return copy(c -> c.clientSecret = value);
  }

  public FakeLeverOptions withRefreshToken(String value) {
    return copy(c -> c.refreshToken = value);
  }

  public FakeLeverOptions withAccessTokenTtlSeconds(long value) {
    return copy(c -> c.accessTokenTtlSeconds = value);
  }

  public FakeLeverOptions withStrictRotation(boolean value) {
    return copy(c -> c.strictRotation = value);
  }

  public FakeLeverOptions withClock(Clock value) {
    return copy(c -> c.clock = value);
  }

  /** Share of generated opportunities that are not archived, e.g. 0.07 (default 0.65). */
  public FakeLeverOptions withLiveShare(double value) {
    return copy(c -> c.liveShare = value);
  }

  /**
   * Schema drift ("Lever adds fields tomorrow"): some opportunities carry a top-level {@code
   * brandNewField} (string) and {@code urls.brandNewNested} (string); postings carry {@code
   * brandNewPriority}, an integer on some and a string on others.
   */
  public FakeLeverOptions withNewFields(boolean value) {
    return copy(c -> c.newFields = value);
  }

  /** Scopes the API key and OAuth tokens lack, e.g. {@code Set.of("feedback:read:admin")}. */
  public FakeLeverOptions withDeniedScopes(Set<String> value) {
    return copy(c -> c.deniedScopes = value);
  }

  public FakeLeverOptions withTokenScopesEnforced(boolean value) {
    return copy(c -> c.tokenScopesEnforced = value);
  }

  public FakeLeverOptions withConfidentialAccess(boolean value) {
    return copy(c -> c.confidentialAccess = value);
  }

  public FakeLeverOptions withAddOns(boolean value) {
    return copy(c -> c.addOns = value);
  }

  public FakeLeverOptions withDeletedPostingsEndpoint(boolean value) {
    return copy(c -> c.deletedPostingsEndpoint = value);
  }

  /** {@link #deniedScopes} plus {@code confidential:access:admin} without confidential access. */
  Set<String> effectiveDeniedScopes() {
    Set<String> denied = new HashSet<>(deniedScopes);
    if (!confidentialAccess) {
      denied.add(EndpointScopes.CONFIDENTIAL);
    }
    return Set.copyOf(denied);
  }

  private FakeLeverOptions copy(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  /** The record's fields, mutable for the length of one {@code withX} call. */
  private static final class Copy {
    long seed;
    int opportunities;
    int port;
    String apiKey;
    boolean rateLimit;
    double requestsPerSecond;
    int burst;
    boolean retryAfterHeader;
    int latencyMs;
    int faultEvery;
    String clientId;
    String clientSecret;
    String refreshToken;
    long accessTokenTtlSeconds;
    boolean strictRotation;
    Clock clock;
    double liveShare;
    boolean newFields;
    Set<String> deniedScopes;
    boolean tokenScopesEnforced;
    boolean confidentialAccess;
    boolean addOns;
    boolean deletedPostingsEndpoint;

    Copy(FakeLeverOptions o) {
      seed = o.seed;
      opportunities = o.opportunities;
      port = o.port;
      apiKey = o.apiKey;
      rateLimit = o.rateLimit;
      requestsPerSecond = o.requestsPerSecond;
      burst = o.burst;
      retryAfterHeader = o.retryAfterHeader;
      latencyMs = o.latencyMs;
      faultEvery = o.faultEvery;
      clientId = o.clientId;
      clientSecret = o.clientSecret;
      refreshToken = o.refreshToken;
      accessTokenTtlSeconds = o.accessTokenTtlSeconds;
      strictRotation = o.strictRotation;
      clock = o.clock;
      liveShare = o.liveShare;
      newFields = o.newFields;
      deniedScopes = o.deniedScopes;
      tokenScopesEnforced = o.tokenScopesEnforced;
      confidentialAccess = o.confidentialAccess;
      addOns = o.addOns;
      deletedPostingsEndpoint = o.deletedPostingsEndpoint;
    }

    FakeLeverOptions build() {
      return new FakeLeverOptions(
          seed,
          opportunities,
          port,
          apiKey,
          rateLimit,
          requestsPerSecond,
          burst,
          retryAfterHeader,
          latencyMs,
          faultEvery,
          clientId,
          clientSecret,
          refreshToken,
          accessTokenTtlSeconds,
          strictRotation,
          clock,
          liveShare,
          newFields,
          deniedScopes,
          tokenScopesEnforced,
          confidentialAccess,
          addOns,
          deletedPostingsEndpoint);
    }
  }
}
