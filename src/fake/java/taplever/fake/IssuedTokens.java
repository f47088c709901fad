package taplever.fake;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth state (§2.2): authorization codes (single use, 10 minutes), access tokens (opaque, {@code
 * ttl} seconds) and refresh tokens (a new one on every refresh; with strict rotation the used one
 * dies at once; all die after 90 idle days or a year). Time comes from the injected clock.
 */
final class IssuedTokens {
  static final String DEFAULT_SCOPE =
      "offline_access opportunities:read:admin applications:read:admin archive_reasons:read:admin"
          + " audit_events:read:admin confidential:access:admin contact:read:admin"
          + " eeo_responses_pii:read:admin feedback:read:admin"
          + " feedback_templates:read:admin files:read:admin forms:read:admin"
          + " form_templates:read:admin interviews:read:admin notes:read:admin offers:read:admin"
          + " panels:read:admin postings:read:admin referrals:read:admin requisitions:read:admin"
          + " requisition_fields:read:admin resumes:read:admin sources:read:admin stages:read:admin"
          + " tags:read:admin users:read:admin";
  private static final long DAY = 86_400_000L;
  private static final long REFRESH_IDLE_MS = 90 * DAY;
  private static final long REFRESH_MAX_MS = 365 * DAY;
  private static final long CODE_TTL_MS = 600_000L;

  /** An issued access token. */
  record AccessGrant(String clientId, String scope, long expiresAt, Clock clock) {
    boolean expired() {
      return clock.millis() >= expiresAt;
    }
  }

  /**
   * The token endpoint's answer; {@code refreshToken} is null when {@code offline_access} was not
   * granted.
   */
  record Tokens(String accessToken, String refreshToken, String scope, long expiresIn) {}

  private record RefreshGrant(
      String clientId, String scope, long familyIssuedAt, long lastUsedAt) {}

  private record Code(String clientId, String redirectUri, String scope, long expiresAt) {}

  private final FakeLeverOptions options;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, AccessGrant> access = new ConcurrentHashMap<>();
  private final Map<String, RefreshGrant> refresh = new HashMap<>();
  private final Map<String, Code> codes = new HashMap<>();
  private String latestRefresh;

  IssuedTokens(FakeLeverOptions options) {
    this.options = options;
    this.clock = options.clock();
    long now = clock.millis();
    refresh.put(
        options.refreshToken(),
        new RefreshGrant(options.clientId(), granted(DEFAULT_SCOPE), now, now));
    latestRefresh = options.refreshToken();
  }

  synchronized boolean validClient(String clientId, String clientSecret) {
    return options.clientId().equals(clientId) && options.clientSecret().equals(clientSecret);
  }

  synchronized boolean knownClient(String clientId) {
    return options.clientId().equals(clientId);
  }

  /** {@code grant_type=refresh_token}: rotates the refresh token. */
  synchronized Tokens refresh(String clientId, String refreshToken) {
    RefreshGrant grant = refresh.get(refreshToken);
    long now = clock.millis();
    if (grant == null || !grant.clientId().equals(clientId)) {
      throw OAuthError.invalidGrant("Unknown or invalid refresh token.");
    }
    if (now - grant.lastUsedAt() > REFRESH_IDLE_MS
        || now - grant.familyIssuedAt() > REFRESH_MAX_MS) {
      refresh.remove(refreshToken);
      throw OAuthError.invalidGrant("Expired refresh token.");
    }
    if (options.strictRotation()) {
      refresh.remove(refreshToken);
    }
    String next = "v1.fake-rt-" + randomToken(24);
    refresh.put(next, new RefreshGrant(clientId, grant.scope(), grant.familyIssuedAt(), now));
    latestRefresh = next;
    return new Tokens(
        newAccessToken(clientId, grant.scope()),
        next,
        grant.scope(),
        options.accessTokenTtlSeconds());
  }

  /**
   * What {@code /authorize} hands to the redirect: a one-time code bound to client, redirect URI
   * and scope.
   */
  synchronized String newCode(String clientId, String redirectUri, String scope) {
    String code = randomToken(18);
    codes.put(code, new Code(clientId, redirectUri, granted(scope), clock.millis() + CODE_TTL_MS));
    return code;
  }

  /** {@code grant_type=authorization_code}: redeems a code once. */
  synchronized Tokens exchange(String clientId, String code, String redirectUri) {
    Code grant = code == null ? null : codes.remove(code);
    if (grant == null || clock.millis() > grant.expiresAt()) {
      throw OAuthError.invalidGrant("Invalid authorization code");
    }
    if (!grant.clientId().equals(clientId) || !grant.redirectUri().equals(redirectUri)) {
      throw OAuthError.invalidGrant(
          "Authorization code was issued to another client or redirect_uri");
    }
    String refreshToken = null;
    if ((" " + grant.scope() + " ").contains(" offline_access ")) {
      long now = clock.millis();
      refreshToken = "v1.fake-rt-" + randomToken(24);
      refresh.put(refreshToken, new RefreshGrant(clientId, grant.scope(), now, now));
      latestRefresh = refreshToken;
    }
    return new Tokens(
        newAccessToken(clientId, grant.scope()),
        refreshToken,
        grant.scope(),
        options.accessTokenTtlSeconds());
  }

  /**
   * What the account grants of {@code requested}: the requested scopes minus the denied ones, in
   * the requested order.
   */
  private String granted(String requested) {
    java.util.Set<String> denied = options.effectiveDeniedScopes();
    StringBuilder out = new StringBuilder();
    for (String scope : requested.trim().split("\\s+")) {
      if (!scope.isEmpty() && !denied.contains(scope)) {
        out.append(out.length() == 0 ? "" : " ").append(scope);
      }
    }
    return out.toString();
  }

  AccessGrant access(String token) {
    return access.get(token);
  }

  synchronized String currentRefreshToken() {
    return latestRefresh;
  }

  private String newAccessToken(String clientId, String scope) {
    if (access.size() > 10_000) {
      for (Iterator<AccessGrant> it = access.values().iterator(); it.hasNext(); ) {
        if (it.next().expired()) {
          it.remove();
        }
      }
    }
    String token = "fake-at-" + randomToken(32);
    access.put(
        token,
        new AccessGrant(
            clientId, scope, clock.millis() + options.accessTokenTtlSeconds() * 1000, clock));
    return token;
  }

  private String randomToken(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
