package taplever.http.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import taplever.config.Credentials;
import taplever.config.Secret;
import taplever.error.LeverApiException;
import taplever.runtime.Sleeper;

/**
 * The current OAuth access token, refreshed ahead of its expiry and after a rejection.
 *
 * <p>Lever rotates refresh tokens, so a refresh is a one-way step: the new refresh token is saved
 * through the {@link TokenStore} before the new access token is handed out, the next refresh uses
 * it, and refreshes never overlap (every method holds the session's lock, so callers arriving
 * during a refresh wait for its token). How the POST itself is retried is {@link TokenEndpoint}'s
 * business.
 */
public final class OAuthSession {
  private static final Duration MAX_EARLY = Duration.ofSeconds(60);

  private final String clientId;
  private final TokenEndpoint endpoint;
  private final TokenStore store;
  private final Clock clock;
  private Secret refreshToken;
  private Secret accessToken;
  private Instant refreshAt = Instant.MIN;

  public OAuthSession(Credentials.OAuth creds, OkHttpClient tokenClient, TokenStore store,
      Clock clock) {
    this(creds, tokenClient, store, clock, Sleeper.SYSTEM);
  }

  public OAuthSession(Credentials.OAuth creds, OkHttpClient tokenClient, TokenStore store,
      Clock clock, Sleeper sleeper) {
    this.clientId = creds.clientId();
    this.endpoint = new TokenEndpoint(creds, tokenClient, sleeper);
    this.store = store;
    this.clock = clock;
    this.refreshToken = creds.refreshToken();
  }

  /** The access token to send now, refreshed first when there is none or it expires soon. */
  public synchronized Secret accessToken() {
    if (accessToken == null || !clock.instant().isBefore(refreshAt)) {
      refresh();
    }
    return accessToken;
  }

  /**
   * Lever answered 401 to {@code rejected}. Refreshes unless another caller already replaced that
   * token (concurrent 401s cause one refresh), and returns the token to retry with.
   */
  public synchronized Secret refreshAfterRejection(Secret rejected) {
    if (accessToken == null || accessToken.equals(rejected)) {
      refresh();
    }
    return accessToken;
  }

  private void refresh() {
    store.checkReady(); // a new token that could not be saved would be lost: do not ask for one
    Instant sent = clock.instant();
    JsonNode answer = endpoint.refresh(refreshToken);
    JsonNode access = answer.get("access_token");
    if (access == null || !access.isTextual() || access.asText().isEmpty()) {
      throw new LeverApiException(200, TokenEndpoint.ENDPOINT,
          "Lever's token endpoint answered without an access_token");
    }
    JsonNode rotated = answer.get("refresh_token");
    if (rotated != null && rotated.isTextual() && !rotated.asText().isEmpty()) {
      Secret next = Secret.of(rotated.asText());
      if (!next.equals(refreshToken)) {
        store.save(next); // before the new access token can be used
        refreshToken = next;
      }
    }
    JsonNode expires = answer.get("expires_in");
    long given = expires == null ? 0 : expires.asLong(0); // a number, or a numeric string
    long ttlSeconds = given > 0 ? given : 3600;
    Duration ttl = Duration.ofSeconds(ttlSeconds);
    // Early enough that a request started now still carries a valid token: a minute, or half the
    // lifetime of a short-lived token (so a 2-second token still works).
    Duration early = ttl.dividedBy(2).compareTo(MAX_EARLY) < 0 ? ttl.dividedBy(2) : MAX_EARLY;
    accessToken = Secret.of(access.asText());
    refreshAt = sent.plus(ttl).minus(early);
  }

  @Override
  public String toString() {
    return "OAuthSession[client_id=" + clientId + "]";
  }
}
