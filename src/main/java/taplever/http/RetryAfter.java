package taplever.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Response;

/**
 * Reads {@code Retry-After}: delay-seconds, or an HTTP date. A date is measured from the answer's
 * own {@code Date} header when it has one, so our clock's skew does not matter, else from when the
 * answer arrived. A date in the past means "now".
 */
final class RetryAfter {
  private RetryAfter() {
  }

  static Optional<Duration> of(Response response) {
    String value = response.header("Retry-After");
    if (value == null) {
      return Optional.empty();
    }
    value = value.strip();
    if (value.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant until = httpDate(value);
      String date = response.header("Date");
      Instant now = date != null ? httpDate(date)
          : Instant.ofEpochMilli(response.receivedResponseAtMillis());
      Duration wait = Duration.between(now, until);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Instant httpDate(String value) {
    return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }
}
