package taplever.http;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Takes one page's records as Lever's answer is parsed, so a page is read once, without a tree
 * per record unless the sink builds one. A page that fails half-way is fetched again into a new
 * sink: nothing a sink gathered leaves it before the page is complete.
 */
public interface RecordSink<T> {

  /** The parser is on a record's {@code START_OBJECT}; consume the record through its end. */
  void record(JsonParser parser) throws IOException;

  /** What the page's records became, once all were read. */
  T page();
}
