package taplever.http;

import okhttp3.HttpUrl;

/**
 * Which hops of a call may carry our credentials. OkHttp drops {@code Authorization} on a
 * cross-host redirect; Lever's EU accounts may be redirected between its hosts (reference §1), so
 * the auth interceptors re-add credentials on every hop, but only where this allows: the call's
 * own origin, or, over https, from one Lever host to another. A redirect anywhere else gets no
 * credentials.
 */
public final class CredentialScope {
  private CredentialScope() {
  }

  public static boolean allows(HttpUrl callUrl, HttpUrl hopUrl) {
    boolean sameOrigin = callUrl.scheme().equals(hopUrl.scheme())
        && callUrl.host().equals(hopUrl.host())
        && callUrl.port() == hopUrl.port();
    return sameOrigin
        || (callUrl.isHttps() && hopUrl.isHttps()
            && isLever(callUrl.host()) && isLever(hopUrl.host()));
  }

  private static boolean isLever(String host) {
    return host.equals("lever.co") || host.endsWith(".lever.co");
  }
}
