package taplever.sync.out;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import taplever.singer.SingerMessage;
import taplever.singer.SingerWriter;
import taplever.singer.TapState;
import taplever.sync.records.PageBuffer;
import taplever.sync.records.StreamShaper;

/**
 * What the engine writes, in the order Singer needs: a stream's SCHEMA before its first RECORD,
 * again before the first RECORD that carries a field learned since, then pages of RECORD lines,
 * and STATE only after the records it covers. Thread-safe: fan-out threads write child pages.
 */
public final class Output {
  private final SingerWriter writer;
  private final List<StreamShaper> streams;
  private final int[] sentVersion;

  public Output(SingerWriter writer, List<StreamShaper> streams) {
    this.writer = writer;
    this.streams = List.copyOf(streams);
    this.sentVersion = new int[streams.size()];
    java.util.Arrays.fill(sentVersion, -1);
  }

  /** The stream's SCHEMA, once per run (and again if it learns a field). */
  public synchronized void schema(StreamShaper stream) {
    if (sentVersion[stream.index()] < 0) {
      writer.write(message(stream));
      sentVersion[stream.index()] = stream.schemaVersion();
    }
  }

  /** A page's RECORD lines, after any SCHEMA they need. */
  public synchronized void page(PageBuffer page) {
    int length = page.length();
    if (length == 0) {
      return;
    }
    List<SingerMessage> due = new ArrayList<>();
    BitSet present = page.streams();
    for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
      StreamShaper s = streams.get(i);
      int version = s.schemaVersion();
      if (version != sentVersion[i]) {
        due.add(message(s));
        sentVersion[i] = version;
      }
    }
    writer.writeChunk(due, page.bytes(), 0, length);
  }

  synchronized void state(TapState state) {
    writer.writeState(new SingerMessage.State(state.toJson()));
  }

  private static SingerMessage.Schema message(StreamShaper s) {
    List<String> bookmark = s.selection().cursor().map(c -> List.of(c.key())).orElse(List.of());
    return new SingerMessage.Schema(s.name(), s.schema(), s.selection().spec().keyProperties(),
        bookmark);
  }
}
