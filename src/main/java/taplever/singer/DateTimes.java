package taplever.singer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Singer wants RFC3339 in UTC; targets reject epoch numbers and zone-less strings. One format for
 * every timestamp the tap writes: milliseconds and a {@code Z}. Written by hand because it runs for
 * every timestamp of every record, several times faster than a DateTimeFormatter.
 */
public final class DateTimes {
  private DateTimes() {}

  public static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      return java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant);
    }
    char[] c = new char[24];
    pad(c, 0, year, 4);
    c[4] = '-';
    pad(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    pad(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    pad(c, 11, t.getHour(), 2);
    c[13] = ':';
    pad(c, 14, t.getMinute(), 2);
    c[16] = ':';
    pad(c, 17, t.getSecond(), 2);
    c[19] = '.';
    pad(c, 20, instant.getNano() / 1_000_000, 3);
    c[23] = 'Z';
    return new String(c);
  }

  public static String fromEpochMillis(long millis) {
    return format(Instant.ofEpochMilli(millis));
  }

  /**
   * Writes {@code millis} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} into {@code out} (24 chars) and
   * returns 24, or returns 0 when the year is outside 0..9999 (use {@link #fromEpochMillis}).
   * No object is made: this runs for every timestamp of every record.
   */
  public static int write(long millis, char[] out) {
    long days = Math.floorDiv(millis, 86_400_000L);
    long inDay = Math.floorMod(millis, 86_400_000L);
    // Days to civil date (H. Hinnant's algorithm, proleptic Gregorian).
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) {
      return 0;
    }
    pad(out, 0, (int) year, 4);
    out[4] = '-';
    pad(out, 5, month, 2);
    out[7] = '-';
    pad(out, 8, day, 2);
    out[10] = 'T';
    int seconds = (int) (inDay / 1000);
    pad(out, 11, seconds / 3600, 2);
    out[13] = ':';
    pad(out, 14, seconds / 60 % 60, 2);
    out[16] = ':';
    pad(out, 17, seconds % 60, 2);
    out[19] = '.';
    pad(out, 20, (int) (inDay % 1000), 3);
    out[23] = 'Z';
    return 24;
  }

  private static void pad(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
