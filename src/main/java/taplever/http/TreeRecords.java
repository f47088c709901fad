package taplever.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps each record as a tree: for small reads (check, field definitions), not records. */
public final class TreeRecords implements RecordSink<List<ObjectNode>> {
  private final List<ObjectNode> records = new ArrayList<>();

  @Override
  public void record(JsonParser parser) throws IOException {
    records.add(parser.readValueAsTree());
  }

  @Override
  public List<ObjectNode> page() {
    return List.copyOf(records);
  }
}
