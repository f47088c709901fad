package taplever.http.oauth;

import okhttp3.HttpUrl;
import okhttp3.Response;
import taplever.config.UrlText;
import taplever.error.LeverApiException;

/**
 * Requests that carry a secret in their body (the refresh grant, the login code exchange) never
 * follow a redirect: OkHttp re-posts the body on a 307/308, to any host. Their clients do not
 * follow redirects, and a redirect is reported as this error, naming where it pointed without
 * the URL's userinfo or query.
 */
public final class RedirectRefusal {
  private RedirectRefusal() {}

  /** Throws when {@code response} is a redirect; {@code what} names the request. */
  public static void check(Response response, String what) {
    if (!response.isRedirect()) {
      return;
    }
    String location = response.header("Location");
    HttpUrl target = location == null ? null : response.request().url().resolve(location);
    String where = target == null ? "an unreadable location"
        : UrlText.display(target.newBuilder().username("").password("").query(null).fragment(null)
            .build().toString());
    throw new LeverApiException(response.code(), LeverApiException.TOKEN_ENDPOINT,
        "Lever's token endpoint answered " + response.code() + " redirecting " + what + " to "
            + where + "; the tap does not follow redirects with OAuth credentials. Check"
            + " 'token_url' in the config");
  }

  /** The same client, never following a redirect. */
  public static okhttp3.OkHttpClient.Builder noRedirects(okhttp3.OkHttpClient client) {
    return client.newBuilder().followRedirects(false).followSslRedirects(false);
  }
}
