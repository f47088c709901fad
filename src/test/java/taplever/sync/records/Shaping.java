package taplever.sync.records;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import taplever.catalog.Selection;
import taplever.catalog.StreamSelection;
import taplever.config.UnknownFields;
import taplever.http.LeverJson;
import taplever.streams.LeverStreams;
import taplever.streams.SchemaRepository;

/** Shapes Lever JSON the way a sync does, for tests: one stream, every field selected. */
final class Shaping {
  static final ObjectMapper JSON = LeverJson.pages();
  final List<String> warnings = new ArrayList<>();
  private final StreamShaper shaper;

  Shaping(String stream, UnknownFields unknown, PersonalData personal, FieldDefinitions defs) {
    StreamSelection selection = new Selection(new SchemaRepository(JSON))
        .everything(LeverStreams.find(stream).orElseThrow());
    this.shaper = new StreamShaper(selection, 0, JSON, unknown, personal, defs, warnings::add);
  }

  Shaping(String stream) {
    this(stream, UnknownFields.KEEP, PersonalData.KEEP, FieldDefinitions.NONE);
  }

  StreamShaper shaper() {
    return shaper;
  }

  /** The record of the RECORD line written for {@code json}. */
  ObjectNode shape(String json, Optional<String> parentId) throws IOException {
    PageBuffer out = new PageBuffer(JSON, "2026-01-01T00:00:00.000Z");
    try (JsonParser p = JSON.getFactory().createParser(json)) {
      p.nextToken();
      shaper.write(p, out, parentId);
    }
    String line = new String(out.bytes(), 0, out.length(), StandardCharsets.UTF_8);
    JsonNode message = JSON.readTree(line);
    return (ObjectNode) message.get("record");
  }

  ObjectNode shape(String json) throws IOException {
    return shape(json, Optional.empty());
  }
}
