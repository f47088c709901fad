package taplever.http;

import okhttp3.Request;

/**
 * The endpoint label ({@code /opportunities/{id}/offers}) carried on an OkHttp request as a tag, so
 * interceptors can name the endpoint in metrics and logs without the ids or the query string.
 */
public record EndpointTag(String label) {

  /** The request's label, or its path when it carries none. */
  public static String of(Request request) {
    EndpointTag tag = request.tag(EndpointTag.class);
    return tag != null ? tag.label() : request.url().encodedPath();
  }
}
