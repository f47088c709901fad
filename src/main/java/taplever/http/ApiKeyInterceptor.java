package taplever.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import taplever.config.Secret;

/**
 * Lever's API-key auth: HTTP Basic with the key as the user name and an empty password. A network
 * interceptor, so redirected hops get the header again (see {@link CredentialScope}).
 */
public final class ApiKeyInterceptor implements Interceptor {
  private final String headerValue;

  public ApiKeyInterceptor(Secret key) {
    byte[] userPass = (key.reveal() + ":").getBytes(StandardCharsets.UTF_8);
    this.headerValue = "Basic " + Base64.getEncoder().encodeToString(userPass);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!CredentialScope.allows(chain.call().request().url(), request.url())) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header("Authorization", headerValue).build());
  }

  @Override
  public String toString() {
    return "ApiKeyInterceptor[***]";
  }
}
