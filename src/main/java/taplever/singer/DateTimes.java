package taplever.singer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Singer wants RFC3339 in UTC; targets reject epoch numbers and zone-less strings. One format for
 * every timestamp the tap writes: milliseconds and a {@code Z}.
 */
public final class DateTimes {
  private static final DateTimeFormatter RFC3339_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private DateTimes() {}

  public static String format(Instant instant) {
    return RFC3339_MILLIS.format(instant);
  }

  public static String fromEpochMillis(long millis) {
    return format(Instant.ofEpochMilli(millis));
  }
}
