package taplever.singer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import taplever.error.TargetGoneException;

/**
 * A sync's only writer of stdout (discover and check write their one document through the same
 * CheckedOutput, without it). Records arrive as whole chunks of lines (a page's RECORD messages,
 * serialised by PageBuffer); SCHEMA and STATE are serialised here. Every write is one locked
 * write followed by a flush, so lines from fan-out threads never interleave or split, nothing sits
 * in a buffer while the tap waits on Lever, and a dead target is noticed at the next write.
 * Unlike a PrintStream it reports write errors: once one fails, every later write fails, and the
 * listener set with {@code onGone} hears of it once, so the engine can stop asking Lever for more.
 */
public final class SingerWriter implements AutoCloseable {
  private final OutputStream out;
  private final ObjectMapper mapper;
  private Runnable onGone = () -> { };
  private boolean gone;

  public SingerWriter(OutputStream raw, ObjectMapper mapper) {
    this.out = raw;
    this.mapper = mapper;
  }

  /** Called once, on the first failed write: the target stopped reading. */
  public synchronized void onGone(Runnable listener) {
    this.onGone = listener;
  }

  public void write(SingerMessage message) {
    byte[] line = serialise(message);
    writeChunk(List.of(), line, 0, line.length);
  }

  /** Writes {@code before} (SCHEMA messages), then the lines in {@code chunk}, as one unit. */
  public void writeChunk(List<SingerMessage> before, byte[] chunk, int offset, int length) {
    byte[][] heads = new byte[before.size()][];
    for (int i = 0; i < heads.length; i++) {
      heads[i] = serialise(before.get(i));
    }
    synchronized (this) {
      if (gone) {
        throw gone(null);
      }
      try {
        for (byte[] head : heads) {
          out.write(head);
        }
        out.write(chunk, offset, length);
        out.flush();
      } catch (IOException | TargetGoneException e) {
        // A checked stdout reports the broken pipe as TargetGoneException already.
        gone = true;
        onGone.run();
        throw e instanceof TargetGoneException t ? t : gone((IOException) e);
      }
    }
  }

  /** Writes the STATE after everything before it: state never precedes data. */
  public void writeState(SingerMessage.State state) {
    write(state);
  }

  public synchronized void flush() {
    if (gone) {
      throw gone(null);
    }
    try {
      out.flush();
    } catch (IOException | TargetGoneException e) {
      gone = true;
      onGone.run();
      throw e instanceof TargetGoneException t ? t : gone((IOException) e);
    }
  }

  private static TargetGoneException gone(IOException cause) {
    return new TargetGoneException("stdout is closed: the Singer target stopped reading", cause);
  }

  private byte[] serialise(SingerMessage message) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    try (JsonGenerator g = mapper.getFactory().createGenerator(buffer)) {
      g.writeStartObject();
      // Java 17 has no pattern switch; the sealed interface keeps this list closed.
      if (message instanceof SingerMessage.Schema s) {
        g.writeStringField("type", "SCHEMA");
        g.writeStringField("stream", s.stream());
        g.writeFieldName("schema");
        g.writeTree(s.schema());
        writeList(g, "key_properties", s.keyProperties());
        if (!s.bookmarkProperties().isEmpty()) {
          writeList(g, "bookmark_properties", s.bookmarkProperties());
        }
      } else if (message instanceof SingerMessage.State st) {
        g.writeStringField("type", "STATE");
        g.writeFieldName("value");
        g.writeTree(st.value());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("could not serialise a Singer message", e);
    }
    buffer.write('\n');
    return buffer.toByteArray();
  }

  private static void writeList(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  @Override
  public synchronized void close() {
    if (!gone) {
      flush();
    }
  }
}
