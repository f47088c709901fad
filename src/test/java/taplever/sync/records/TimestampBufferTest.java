package taplever.sync.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import taplever.singer.DateTimes;

/** The reused buffer writes what DateTimes writes, whichever day the instant before was on. */
class TimestampBufferTest {
  private static final long DAY = 86_400_000L;

  private static String written(TimestampBuffer buffer, long millis) {
    int n = buffer.write(millis);
    return n == 0 ? DateTimes.fromEpochMillis(millis) : new String(buffer.chars(), 1, n - 2);
  }

  @Test
  void instantsAroundMidnightAndTheEpochAreWrittenAsDateTimesWritesThem() {
    TimestampBuffer buffer = new TimestampBuffer();
    long[] instants = {0, -1, 1, DAY - 1, DAY, -DAY, -DAY - 1, 1_700_000_000_000L,
        1_700_000_000_000L + DAY, 1_700_000_000_999L, 253_402_300_799_999L, -62_135_596_800_000L};
    for (long millis : instants) {
      assertEquals(DateTimes.fromEpochMillis(millis), written(buffer, millis), "at " + millis);
    }
  }

  @Test
  void aDayKeptFromTheLastInstantNeverLeaksIntoTheNext() {
    TimestampBuffer buffer = new TimestampBuffer();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      // Mostly neighbours (the cached day), sometimes far apart.
      long millis = i % 5 == 0 ? random.nextLong(-2_000_000_000_000L, 4_000_000_000_000L)
          : 1_600_000_000_000L + random.nextLong(0, 3 * DAY);
      assertEquals(DateTimes.fromEpochMillis(millis), written(buffer, millis), "at " + millis);
    }
  }

  @Test
  void itsTextIsQuoted() {
    TimestampBuffer buffer = new TimestampBuffer();
    assertEquals(26, buffer.write(0));
    assertEquals("\"1970-01-01T00:00:00.000Z\"", new String(buffer.chars(), 0, 26));
  }
}
