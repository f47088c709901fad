package taplever.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The tap's stdout for one run, read as it is written and then forgotten: a full sync of 100,000
 * opportunities writes gigabytes. It keeps counts, the last STATE line (the next run's --state) and
 * hands each record of one stream to a listener; every other line is dropped once its first bytes
 * are looked at.
 */
final class SingerScanner extends OutputStream {
  /** What to do with one record of the watched stream. */
  @FunctionalInterface
  interface RecordListener {
    void record(JsonNode record);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] RECORD = ascii("{\"type\":\"RECORD\"");
  private static final byte[] STATE = ascii("{\"type\":\"STATE\"");

  private final byte[] watched;
  private final RecordListener listener;
  private byte[] line = new byte[1 << 16];
  private int length;
  private long bytes;
  private long records;
  private long watchedRecords;
  private byte[] lastState;

  SingerScanner(String stream, RecordListener listener) {
    this.watched = ascii("{\"type\":\"RECORD\",\"stream\":\"" + stream + "\"");
    this.listener = listener;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    bytes += len;
    int end = off + len;
    int start = off;
    for (int i = off; i < end; i++) {
      if (b[i] == '\n') {
        append(b, start, i - start);
        endOfLine();
        start = i + 1;
      }
    }
    append(b, start, end - start);
  }

  private void append(byte[] b, int off, int len) {
    if (length + len > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + len));
    }
    System.arraycopy(b, off, line, length, len);
    length += len;
  }

  private void endOfLine() {
    if (startsWith(RECORD)) {
      records++;
      if (startsWith(watched)) {
        watchedRecords++;
        try {
          listener.record(JSON.readTree(line, 0, length).get("record"));
        } catch (IOException e) {
          throw new UncheckedIOException("a RECORD line is not JSON", e);
        }
      }
    } else if (startsWith(STATE)) {
      lastState = Arrays.copyOf(line, length);
    }
    length = 0;
    if (line.length > 1 << 22) {
      line = new byte[1 << 16]; // one huge record should not pin its buffer for the whole month
    }
  }

  private boolean startsWith(byte[] prefix) {
    return length >= prefix.length
        && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized long records() {
    return records;
  }

  synchronized long watchedRecords() {
    return watchedRecords;
  }

  /** The value of the last STATE message, as the next run's --state file holds it. */
  synchronized Optional<JsonNode> lastState() {
    if (lastState == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(lastState).get("value"));
    } catch (IOException e) {
      throw new UncheckedIOException("the last STATE line is not JSON", e);
    }
  }
}
