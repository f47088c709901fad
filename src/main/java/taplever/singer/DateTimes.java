package taplever.singer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Singer wants RFC3339 in UTC; targets reject epoch numbers and zone-less strings. The one writer
 * of every timestamp the tap writes, in records, state and messages: milliseconds and a {@code Z},
 * always three digits, so one instant always reads as one text. Written by hand because it
 * runs for every timestamp of every record, several times faster than a DateTimeFormatter.
 */
public final class DateTimes {
  /** The seconds of years 0000 to 9999, the ones RFC3339 can write. */
  private static final long FIRST_SECOND = -62_167_219_200L;
  private static final long LAST_SECOND = 253_402_300_799L;
  /**
   * Years RFC3339 cannot write (a value Lever never sends, read from a string) keep the same
   * shape with ISO 8601's signed year: {@code +10000-01-01T00:00:00.000Z}.
   */
  private static final DateTimeFormatter BEYOND_RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private DateTimes() {}

  public static String format(Instant instant) {
    long second = instant.getEpochSecond();
    if (second < FIRST_SECOND || second > LAST_SECOND) {
      return BEYOND_RFC3339.format(instant);
    }
    char[] c = new char[24];
    write(instant.toEpochMilli(), c);
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
