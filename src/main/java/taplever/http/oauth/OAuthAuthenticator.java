package taplever.http.oauth;

import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import taplever.config.Secret;

/**
 * On a 401 to a request that carried a bearer token, refreshes once and lets OkHttp send the
 * request again ({@link OAuthTokenInterceptor} puts the new token on it). A second 401 in the same
 * call means the credentials themselves are refused: it returns null and the 401 reaches the
 * caller.
 */
public final class OAuthAuthenticator implements Authenticator {
  private final OAuthSession session;

  public OAuthAuthenticator(OAuthSession session) {
    this.session = session;
  }

  @Override
  public Request authenticate(Route route, Response response) {
    if (response.code() != 401) {
      return null;
    }
    for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
      if (prior.code() == 401) {
        return null;
      }
    }
    String sent = sentBearer(response);
    if (sent == null) {
      return null;
    }
    session.refreshAfterRejection(Secret.of(sent));
    return response.request();
  }

  /**
   * The token this hop carried. It was added by a network interceptor, so it is on the network
   * response's request, not on {@code response.request()}.
   */
  private static String sentBearer(Response response) {
    Response network = response.networkResponse();
    Request sent = network != null ? network.request() : response.request();
    String header = sent.header("Authorization");
    return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
  }
}
