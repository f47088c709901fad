package taplever.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Takes a permit from the shared {@link TokenBucket} before each request goes on the wire. It is a
 * network interceptor, so retries, redirects and authentication follow-ups each pay, as they do
 * at Lever.
 */
public final class RateLimitInterceptor implements Interceptor {
  private final TokenBucket bucket;

  public RateLimitInterceptor(TokenBucket bucket) {
    this.bucket = bucket;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    bucket.acquire();
    return chain.proceed(chain.request());
  }
}
