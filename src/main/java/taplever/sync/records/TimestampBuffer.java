package taplever.sync.records;

import taplever.singer.DateTimes;

/**
 * Epoch milliseconds as {@code "yyyy-MM-ddTHH:mm:ss.SSSZ"} with its quotes, written into one
 * reused array so a RECORD's timestamps cost no String each; the date part of the last instant is
 * kept, since a record's timestamps often share a day. One per thread: not thread-safe.
 */
final class TimestampBuffer {
  private static final long DAY = 86_400_000L;
  private final char[] chars = new char[26];
  private final char[] scratch = new char[24];
  private long day = Long.MIN_VALUE;
  private boolean valid;

  TimestampBuffer() {
    chars[0] = '"';
    chars[25] = '"';
  }

  /** The buffer itself, not a copy (the hot path writes from it): valid up to the next write. */
  char[] chars() {
    return chars;
  }

  /**
   * Writes {@code millis} as the quoted text and returns its length (26), or 0 for an instant
   * {@link DateTimes} cannot write this way (the caller falls back to it).
   */
  int write(long millis) {
    long d = Math.floorDiv(millis, DAY);
    if (d != day) {
      valid = DateTimes.write(d * DAY, scratch) > 0;
      day = d;
      System.arraycopy(scratch, 0, chars, 1, 11);
    }
    if (!valid) {
      return 0;
    }
    int inDay = (int) (millis - d * DAY);
    int seconds = inDay / 1000;
    two(seconds / 3600, 12);
    chars[14] = ':';
    two(seconds / 60 % 60, 15);
    chars[17] = ':';
    two(seconds % 60, 18);
    chars[20] = '.';
    int ms = inDay % 1000;
    chars[21] = (char) ('0' + ms / 100);
    chars[22] = (char) ('0' + ms / 10 % 10);
    chars[23] = (char) ('0' + ms % 10);
    chars[24] = 'Z';
    return 26;
  }

  private void two(int v, int at) {
    chars[at] = (char) ('0' + v / 10);
    chars[at + 1] = (char) ('0' + v % 10);
  }
}
