package taplever.http.oauth;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import taplever.http.CredentialScope;

/**
 * Sends the session's current access token as {@code Authorization: Bearer}. A network
 * interceptor: each hop (redirect, retry after a 401) reads the token at send time, so a refresh
 * done by another thread is picked up, and a redirected hop gets the header only where
 * {@link CredentialScope} allows.
 */
public final class OAuthTokenInterceptor implements Interceptor {
  private final OAuthSession session;

  public OAuthTokenInterceptor(OAuthSession session) {
    this.session = session;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!CredentialScope.allows(chain.call().request().url(), request.url())) {
      return chain.proceed(request);
    }
    String bearer = "Bearer " + session.accessToken().reveal();
    return chain.proceed(request.newBuilder().header("Authorization", bearer).build());
  }
}
