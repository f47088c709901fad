package taplever.http;

import java.io.IOException;

/**
 * A 2xx answer whose body is not one complete JSON value: the connection dropped or timed out
 * mid-page, a proxy cut it, or it is not JSON at all. Fetched again like a dropped connection.
 */
final class MalformedBodyException extends IOException {
  MalformedBodyException(String message) {
    super(message);
  }
}
