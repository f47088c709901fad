package taplever.http;

import java.io.IOException;

/**
 * A 2xx answer that is not a well-formed page: its body is not one complete JSON value (the
 * connection dropped or timed out mid-page, a proxy cut it, it is not JSON), or its records are
 * not a list of objects carrying their keys. Fetched again like a dropped connection; a
 * {@link RecordSink} throws it for a record it finds malformed, and none of the page is used.
 */
public final class MalformedBodyException extends IOException {
  public MalformedBodyException(String message) {
    super(message);
  }
}
