package taplever.singer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import taplever.error.TargetGoneException;

/**
 * The only writer of stdout. Each message is serialised whole, then written as one line under a
 * lock, so concurrent fan-out threads never interleave or split lines. Unlike a PrintStream it
 * reports write errors: a dead target stops the sync instead of being silently ignored.
 */
public final class SingerWriter implements AutoCloseable {
  private final OutputStream out;
  private final ObjectMapper mapper;
  private boolean gone;

  public SingerWriter(OutputStream raw, ObjectMapper mapper) {
    this.out = new BufferedOutputStream(raw, 1 << 16);
    this.mapper = mapper;
  }

  public void write(SingerMessage message) {
    byte[] line = serialise(message);
    synchronized (this) {
      if (gone) {
        throw new TargetGoneException("stdout is closed: the Singer target stopped reading", null);
      }
      try {
        out.write(line);
      } catch (IOException e) {
        gone = true;
        throw new TargetGoneException("stdout is closed: the Singer target stopped reading", e);
      }
    }
  }

  /** Flushes what came before, then writes and flushes the STATE: state never precedes data. */
  public synchronized void writeState(SingerMessage.State state) {
    flush();
    write(state);
    flush();
  }

  public synchronized void flush() {
    if (gone) {
      throw new TargetGoneException("stdout is closed: the Singer target stopped reading", null);
    }
    try {
      out.flush();
    } catch (IOException e) {
      gone = true;
      throw new TargetGoneException("stdout is closed: the Singer target stopped reading", e);
    }
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
      } else if (message instanceof SingerMessage.Record r) {
        g.writeStringField("type", "RECORD");
        g.writeStringField("stream", r.stream());
        g.writeFieldName("record");
        g.writeTree(r.record());
        g.writeStringField("time_extracted", DateTimes.format(r.timeExtracted()));
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

  private static void writeList(JsonGenerator g, String name, java.util.List<String> values)
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
