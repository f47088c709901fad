package taplever.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code schemas/<stream>.json} from the jar; callers get defensive copies. A command builds
 * one and passes it to everything that reads schemas, so the 37 files are read once per run.
 */
public final class SchemaRepository {
  private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();

  public SchemaRepository(ObjectMapper mapper) {
    for (StreamSpec spec : LeverStreams.ALL) {
      String resource = "/schemas/" + spec.name() + ".json";
      try (InputStream in = SchemaRepository.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing schema resource " + resource);
        }
        schemas.put(spec.name(), (ObjectNode) mapper.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable schema resource " + resource, e);
      }
    }
  }

  /**
   * Whether the stream's schema declares the field at {@code path}, looking through arrays to
   * their items; read in place, without the copy {@link #schema} makes.
   */
  public boolean declares(String stream, List<String> path) {
    JsonNode node = schemas.get(stream);
    for (int i = 0; i < path.size() && node != null; i++) {
      while (node != null && node.has("items")) {
        node = node.get("items");
      }
      node = node == null ? null : node.path("properties").get(path.get(i));
    }
    return node != null;
  }

  public ObjectNode schema(String stream) {
    ObjectNode schema = schemas.get(stream);
    if (schema == null) {
      throw new IllegalArgumentException("no schema for stream " + stream);
    }
    return schema.deepCopy();
  }
}
