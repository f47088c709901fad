package taplever.bench;

import java.io.Writer;

/**
 * The tap's stderr for one run, only its last {@code capacity} characters: the end-of-run summary
 * and the last error are at the end, while progress lines of a long run would otherwise pile up.
 */
final class StderrTail extends Writer {
  private final int capacity;
  private final StringBuilder text = new StringBuilder();

  StderrTail(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public synchronized void write(char[] buffer, int off, int len) {
    text.append(buffer, off, len);
    if (text.length() > 2 * capacity) {
      text.delete(0, text.length() - capacity);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public synchronized String toString() {
    return text.length() > capacity ? text.substring(text.length() - capacity) : text.toString();
  }
}
