package taplever.http;

import java.io.IOException;

/**
 * A 2xx answer whose body was read to the end but is not one complete JSON value: a proxy cut it,
 * or the server failed mid-page. Retried like a dropped connection.
 */
final class MalformedBodyException extends IOException {
  MalformedBodyException(String message) {
    super(message);
  }
}
