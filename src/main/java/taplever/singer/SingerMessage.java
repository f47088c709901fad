package taplever.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** The three Singer messages this tap emits; targets compare the upper-case type names. */
public sealed interface SingerMessage {

  record Schema(String stream, ObjectNode schema, List<String> keyProperties,
      List<String> bookmarkProperties) implements SingerMessage {}

  record Record(String stream, ObjectNode record, Instant timeExtracted) implements SingerMessage {}

  record State(JsonNode value) implements SingerMessage {}
}
