package taplever.http;

import okhttp3.Request;

/**
 * When retrying one page must stop, on the runtime's nano clock, carried on each of its requests:
 * a page fetched again because its body broke shares {@code max_retry} with the transport's
 * retries instead of starting a new allowance with every read.
 */
record RetryDeadline(long nanos) {

  /** The earlier of {@code own} and the request's deadline, if it carries one. */
  static long earliest(Request request, long own) {
    RetryDeadline tag = request.tag(RetryDeadline.class);
    return tag != null ? Math.min(own, tag.nanos()) : own;
  }
}
