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
}
