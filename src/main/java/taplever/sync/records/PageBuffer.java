package taplever.sync.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * One page's RECORD lines, serialised straight from Lever's parser into one growing byte array and
 * written to stdout in one piece once the whole page has been read: a page that turns out broken
 * half-way is fetched again and leaves nothing behind. A message can be taken back right after it
 * is written (a record outside the window). Not thread-safe: one per page being read.
 */
public final class PageBuffer extends OutputStream {
  private static final SerializedString TYPE = new SerializedString("type");
  private static final SerializedString RECORD = new SerializedString("RECORD");
  private static final SerializedString STREAM = new SerializedString("stream");
  private static final SerializedString RECORD_FIELD = new SerializedString("record");
  private static final SerializedString TIME_EXTRACTED = new SerializedString("time_extracted");

  private final JsonGenerator g;
  private final SerializedString extracted;
  private final BitSet streams = new BitSet();
  private byte[] bytes;
  private int size;
  private int messageStart = -1;

  public PageBuffer(ObjectMapper json, String timeExtracted) {
    this(json, timeExtracted, new byte[4 * 1024]);
  }

  /** @param space an array to write into (grown if the page needs more), e.g. a reused one */
  public PageBuffer(ObjectMapper json, String timeExtracted, byte[] space) {
    this.bytes = space;
    try {
      this.g = json.getFactory().createGenerator(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    g.setRootValueSeparator(null);
    g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    this.extracted = new SerializedString(timeExtracted);
  }

  /** Opens {@code {"type":"RECORD","stream":...,"record":} and returns where to write it. */
  JsonGenerator begin(SerializableString stream, int streamIndex) throws IOException {
    settle();
    messageStart = size;
    streams.set(streamIndex);
    g.writeStartObject();
    g.writeFieldName(TYPE);
    g.writeString(RECORD);
    g.writeFieldName(STREAM);
    g.writeString(stream);
    g.writeFieldName(RECORD_FIELD);
    return g;
  }

  /** Closes the message begun last. */
  void end() throws IOException {
    g.writeFieldName(TIME_EXTRACTED);
    g.writeString(extracted);
    g.writeEndObject();
    g.writeRaw('\n');
  }

  /** Takes back the message just ended: the record is not wanted after all. */
  public void dropLast() {
    settle();
    size = messageStart;
  }

  /** The page's lines; valid until the buffer is written to again. */
  public byte[] bytes() {
    settle();
    return bytes;
  }

  public int length() {
    settle();
    return size;
  }

  /** The array, for the next page once this one is written; the buffer is not used after. */
  public byte[] space() {
    settle();
    byte[] b = bytes;
    bytes = new byte[0];
    size = 0;
    return b;
  }

  /** Which streams (by index in the run's list) have lines here; SCHEMA may be due first. */
  public BitSet streams() {
    return (BitSet) streams.clone();
  }

  /** Moves what the generator holds into the array. */
  private void settle() {
    try {
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
