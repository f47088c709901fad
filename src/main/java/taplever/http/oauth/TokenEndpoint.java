package taplever.http.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import taplever.config.Credentials;
import taplever.config.Secret;
import taplever.error.LeverApiException;
import taplever.http.Interruption;
import taplever.runtime.Sleeper;

/**
 * One refresh-token grant at Lever's token endpoint, and how its failures read.
 *
 * <p>Lever rotates refresh tokens, so a POST that may have reached Lever is never sent again: a
 * lost answer carrying a rotated token is worse than a clean failure. It is retried only when no
 * connection could be made, or on a 429/503 answer. Error messages repeat only RFC 6749 error
 * codes, never the body: a token server may echo what it was sent.
 */
final class TokenEndpoint {
  static final String ENDPOINT = LeverApiException.TOKEN_ENDPOINT;
  static final int MAX_ATTEMPTS = 4;
  private static final Set<String> CREDENTIAL_ERRORS = Set.of("invalid_grant", "invalid_client");

  private final Credentials.OAuth creds;
  private final OkHttpClient client;
  private final Sleeper sleeper;
  private final ObjectMapper mapper = new ObjectMapper();

  TokenEndpoint(Credentials.OAuth creds, OkHttpClient client, Sleeper sleeper) {
    this.creds = creds;
    // OkHttp would silently resend a POST after some connection failures, and re-post the
    // client secret and refresh token to wherever a 307/308 points: we decide both here.
    this.client = RedirectRefusal.noRedirects(client).retryOnConnectionFailure(false).build();
    this.sleeper = sleeper;
  }

  /** Lever's JSON answer to a successful refresh. */
  JsonNode refresh(Secret refreshToken) {
    Request request = new Request.Builder()
        .url(creds.tokenUrl())
        .post(new FormBody.Builder()
            .add("grant_type", "refresh_token")
            .add("client_id", creds.clientId())
            .add("client_secret", creds.clientSecret().reveal())
            .add("refresh_token", refreshToken.reveal())
            .build())
        .build();
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= MAX_ATTEMPTS;
      try (Response response = client.newCall(request).execute()) {
        int status = response.code();
        RedirectRefusal.check(response, "the OAuth token refresh");
        if ((status == 429 || status == 503) && !last) {
          pause(attempt);
          continue;
        }
        return read(status, response.body().bytes());
      } catch (ConnectException | UnknownHostException e) {
        if (last) {
          throw new LeverApiException(0, ENDPOINT, "could not reach Lever's token endpoint to"
              + " refresh the OAuth token: " + e.getClass().getSimpleName(), e);
        }
        pause(attempt);
      } catch (IOException e) {
        throw Interruption.is(e) ? interrupted(e) : notResent(e);
      }
    }
  }

  private JsonNode read(int status, byte[] body) {
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      json = null;
    }
    if (status >= 200 && status < 300 && json != null && json.isObject()) {
      return json;
    }
    String error = json != null && json.path("error").isTextual() ? json.get("error").asText() : "";
    if ((status == 400 || status == 401 || status == 403) && CREDENTIAL_ERRORS.contains(error)) {
      throw new LeverApiException(status, ENDPOINT, "Lever rejected the OAuth credentials (" + error
          + "): " + (error.equals("invalid_client")
              ? "check client_id and client_secret in the config, then run 'tap-lever login'"
              : "the refresh token is no longer valid (used, expired or revoked); run"
                  + " 'tap-lever login' to get a new refresh token"));
    }
    String code = OAuthErrorCode.safe(error).map(c -> " (" + c + ")").orElse("");
    throw new LeverApiException(status, ENDPOINT, "Lever's token endpoint answered " + status
        + code + " when refreshing the OAuth token");
  }

  private static LeverApiException notResent(IOException e) {
    return new LeverApiException(0, ENDPOINT, "the OAuth token refresh failed after it was sent ("
        + e.getClass().getSimpleName() + "); not resent, because Lever may already have rotated"
        + " the refresh token. Run the tap again; if Lever then rejects the refresh token, run"
        + " 'tap-lever login'", e);
  }

  private void pause(int attempt) {
    try {
      sleeper.sleep(Duration.ofSeconds(1L << (attempt - 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(new InterruptedIOException("interrupted"));
    }
  }

  private static LeverApiException interrupted(IOException cause) {
    return new LeverApiException(0, ENDPOINT, "interrupted while refreshing the OAuth token",
        cause);
  }
}
