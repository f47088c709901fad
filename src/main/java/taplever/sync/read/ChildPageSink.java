package taplever.sync.read;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Optional;
import taplever.http.RecordSink;
import taplever.sync.records.PageBuffer;
import taplever.sync.records.StreamShaper;

/** Reads one page of a child's records (of one parent, or one shared record) into RECORD lines. */
final class ChildPageSink implements RecordSink<ChildPageSink.ChildPage> {
  private final StreamShaper shaper;
  private final PageBuffer out;
  private final Optional<String> parentId;
  private int recordCount;

  /** The page's lines and how many records they hold. */
  record ChildPage(PageBuffer lines, int recordCount) {}

  /** @param parentId the parent id each record gets, unless the records are shared by parents */
  ChildPageSink(StreamShaper shaper, PageBuffer out, Optional<String> parentId) {
    this.shaper = shaper;
    this.out = out;
    this.parentId = parentId;
  }

  @Override
  public void record(JsonParser parser) throws IOException {
    shaper.write(parser, out, parentId);
    recordCount++;
  }

  @Override
  public ChildPage page() {
    return new ChildPage(out, recordCount);
  }
}
