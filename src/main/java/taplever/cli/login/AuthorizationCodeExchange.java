package taplever.cli.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import taplever.config.Credentials;
import taplever.config.Secret;
import taplever.error.LeverApiException;
import taplever.http.oauth.OAuthErrorCode;
import taplever.http.oauth.RedirectRefusal;

/**
 * Redeems the one-time authorization code at Lever's token endpoint (reference §2.2, step 3).
 * Sent once: a code cannot be used twice. Messages name only RFC 6749 error codes, never the body,
 * the code, the client secret or a token.
 */
final class AuthorizationCodeExchange {
  static final String ENDPOINT = LeverApiException.TOKEN_ENDPOINT;

  /** What login keeps from Lever's answer; the access token is dropped. */
  record Grant(Secret refreshToken, String scope) {}

  private final Credentials.OAuth creds;
  private final OkHttpClient client;
  private final String userAgent;
  private final ObjectMapper mapper = new ObjectMapper();

  AuthorizationCodeExchange(Credentials.OAuth creds, OkHttpClient client, String userAgent) {
    this.creds = creds;
    // The form carries the client secret: never re-posted elsewhere by a 307/308, never resent.
    this.client = RedirectRefusal.noRedirects(client).retryOnConnectionFailure(false).build();
    this.userAgent = userAgent;
  }

  Grant exchange(String code, String redirectUri) {
    Request request = new Request.Builder()
        .url(creds.tokenUrl())
        .header("User-Agent", userAgent)
        .header("Accept", "application/json")
        .post(new FormBody.Builder()
            .add("grant_type", "authorization_code")
            .add("client_id", creds.clientId())
            .add("client_secret", creds.clientSecret().reveal())
            .add("code", code)
            .add("redirect_uri", redirectUri)
            .build())
        .build();
    try (Response response = client.newCall(request).execute()) {
      RedirectRefusal.check(response, "the authorization code");
      return read(response.code(), response.body().bytes());
    } catch (IOException e) {
      throw new LeverApiException(0, ENDPOINT, "could not redeem the authorization code at Lever's"
          + " token endpoint (" + e.getClass().getSimpleName() + "); run 'tap-lever login' again",
          e);
    }
  }

  private Grant read(int status, byte[] body) {
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      json = null;
    }
    boolean object = json != null && json.isObject();
    if (status < 200 || status >= 300 || (object && json.hasNonNull("error"))) {
      String error = object ? json.path("error").asText("") : "";
      throw new LeverApiException(status, ENDPOINT, "Lever refused the authorization code ("
          + OAuthErrorCode.safe(error).orElse("HTTP " + status) + ")" + hint(error));
    }
    if (!object) {
      throw new LeverApiException(status, ENDPOINT, "Lever's token endpoint answered "
          + status + " without a JSON object");
    }
    JsonNode refresh = json.path("refresh_token");
    if (!refresh.isTextual() || refresh.asText().isBlank()) {
      throw new LeverApiException(status, ENDPOINT, "Lever's token response has no refresh_token;"
          + " did the scopes include offline_access?");
    }
    return new Grant(Secret.of(refresh.asText()), json.path("scope").asText(""));
  }

  private static String hint(String error) {
    return switch (error) {
      case "invalid_client" -> ": check client_id and client_secret in the config";
      case "invalid_grant" -> ": the code expired, was already used or was issued for another"
          + " redirect URI; run 'tap-lever login' again";
      default -> "";
    };
  }
}
