package taplever.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DateTimesTest {
  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void formatsLikeTheJdkForMillisecondsAcrossFourCenturies() {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      long ms = (long) (random.nextDouble() * 16_000_000_000_000L) - 2_000_000_000_000L;
      assertEquals(REFERENCE.format(Instant.ofEpochMilli(ms)), DateTimes.fromEpochMillis(ms), Long.toString(ms));
    }
    assertEquals("1970-01-01T00:00:00.000Z", DateTimes.fromEpochMillis(0));
  }

  @Test
  void writesTheSameCharactersWithoutMakingAString() {
    Random random = new Random(11);
    char[] out = new char[24];
    for (int i = 0; i < 100_000; i++) {
      long ms = (long) (random.nextDouble() * 250_000_000_000_000L) - 62_000_000_000_000L;
      int n = DateTimes.write(ms, out);
      String expected = REFERENCE.format(Instant.ofEpochMilli(ms));
      if (n == 0) {
        assertEquals(true, expected.startsWith("-") || expected.length() > 24, expected);
      } else {
        assertEquals(expected, new String(out, 0, n), Long.toString(ms));
      }
    }
  }

  /** The instants the day-caching buffer of records was tested at, before it gave way to write. */
  @Test
  void instantsAroundMidnightTheEpochAndFourDigitYearsAreWrittenAsFormatWritesThem() {
    long day = 86_400_000L;
    long[] instants = {0, -1, 1, day - 1, day, -day, -day - 1, 1_700_000_000_000L,
        1_700_000_000_000L + day, 1_700_000_000_999L, 253_402_300_799_999L, -62_135_596_800_000L};
    char[] out = new char[24];
    for (long millis : instants) {
      assertEquals(24, DateTimes.write(millis, out), "at " + millis);
      assertEquals(DateTimes.fromEpochMillis(millis), new String(out), "at " + millis);
      assertEquals(REFERENCE.format(Instant.ofEpochMilli(millis)), new String(out), "at " + millis);
    }
  }

  @Test
  void yearsRfc3339CannotWriteKeepTheMilliseconds() {
    assertEquals(0, DateTimes.write(253_402_300_800_000L, new char[24]));
    assertEquals("+10000-01-01T00:00:00.000Z", DateTimes.fromEpochMillis(253_402_300_800_000L));
    assertEquals("-0001-12-31T23:59:59.999Z", DateTimes.fromEpochMillis(-62_167_219_200_001L));
  }
}
