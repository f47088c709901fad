package taplever.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Singer messages serialised one at a time. RECORD lines are not among them: a page's records
 * are serialised straight from Lever's parser (sync.records.PageBuffer) and written as one chunk.
 */
public sealed interface SingerMessage {

  record Schema(String stream, ObjectNode schema, List<String> keyProperties,
      List<String> bookmarkProperties) implements SingerMessage {}

  record State(JsonNode value) implements SingerMessage {}
}
