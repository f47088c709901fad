package taplever.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Names the tap and its version to Lever on every request, replacing OkHttp's default. */
public final class UserAgentInterceptor implements Interceptor {
  private final String userAgent;

  public UserAgentInterceptor(String userAgent) {
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
  }
}
